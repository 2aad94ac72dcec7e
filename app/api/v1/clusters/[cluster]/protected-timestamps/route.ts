import { protectedTimestampsForRequest } from '@/lib/api/protected-timestamps';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** Every protected timestamp record (system.protected_ts_records) with its holder, oldest first, orphans flagged. */
export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => protectedTimestampsForRequest(cluster));
}
