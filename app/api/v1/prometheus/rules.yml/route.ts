import { prometheusRulesForRequest } from '@/lib/api/prometheus-rules';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** The alert rules as a Prometheus rule file (YAML), for `rule_files:`. */
export async function GET() {
  return respond(async () => new Response(await prometheusRulesForRequest(), { headers: { 'content-type': 'application/yaml; charset=utf-8', 'cache-control': 'no-store' } }));
}
