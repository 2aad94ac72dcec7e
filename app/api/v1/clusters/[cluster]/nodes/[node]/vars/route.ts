import { nodeVars } from '@/lib/api/metrics';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string; node: string }> }) {
  const { cluster, node } = await ctx.params;
  return respond(async () => new Response(await nodeVars(cluster, decodeURIComponent(node)), { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } }));
}
