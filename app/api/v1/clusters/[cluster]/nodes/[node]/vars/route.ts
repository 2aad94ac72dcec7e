import { nodeVars } from '@/lib/api/metrics';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string; node: string }> }) {
  // Next has decoded the segment already: decoding it again threw on a lone `%` (`/nodes/%25/vars` → 500).
  const { cluster, node } = await ctx.params;
  return respond(async () => new Response(await nodeVars(cluster, node), { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } }));
}
