import { validateForRequest } from '@/lib/api/backups';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');

/** POST `?collection&backup`: SHOW BACKUP … WITH check_files, on request only (it reads every file's metadata). */
export async function POST(req: Request, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => validateForRequest(cluster, new URL(req.url).searchParams));
}
