import { respond } from '@/lib/errors';
import { jobForRequest } from '@/lib/api/jobs';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string; jobId: string }> }) {
  const { cluster, jobId } = await ctx.params;
  return respond(() => jobForRequest(cluster, jobId));
}
