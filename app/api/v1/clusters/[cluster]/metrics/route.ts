import { clusterMetrics } from '@/lib/api/metrics';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await ctx.params;
  return respond(() => clusterMetrics(cluster));
}
