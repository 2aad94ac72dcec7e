import { backupsForRequest } from '@/lib/api/backups';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** `?collection&backup&fresh`: every known collection's backups, the chosen backup's contents, trends (storage reads cached; `fresh=1` re-reads). */
export async function GET(req: Request, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => backupsForRequest(cluster, new URL(req.url).searchParams));
}
