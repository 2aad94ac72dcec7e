import { protectedTimestampsForRequest } from '@/lib/api/protected-timestamps';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** Every protected timestamp record (system.protected_ts_records) with its holder, oldest first, orphans flagged. */
export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => protectedTimestampsForRequest(cluster));
}
