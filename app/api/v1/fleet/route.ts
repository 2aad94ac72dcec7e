import { fleet } from '@/lib/api/fleet';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** Every cluster on one line, problems first (lib/api/fleet.ts). */
export async function GET() {
  return respond(() => fleet());
}
