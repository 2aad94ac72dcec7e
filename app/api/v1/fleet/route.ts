import { fleet } from '@/lib/api/fleet';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** Every cluster on one line, problems first (lib/api/fleet.ts). */
export async function GET() {
  return respond(() => fleet());
}
