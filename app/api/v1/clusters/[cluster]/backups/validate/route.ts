import { validateForRequest } from '@/lib/api/backups';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** POST `?collection&backup`: SHOW BACKUP … WITH check_files, on request only (it reads every file's metadata). */
export async function POST(req: Request, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => validateForRequest(cluster, new URL(req.url).searchParams));
}
