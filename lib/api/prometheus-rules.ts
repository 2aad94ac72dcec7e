/** `GET /api/v1/prometheus/rules.yml`: the catalog as a Prometheus rule file for every configured cluster. */
import { listClusters } from '../clusters';
import { parseNotifyConfig } from '../alerts/notify/config';
import { ruleFileYaml } from '../alerts/prometheus-rules';
import { alertSettings, effectiveSettings } from '../alerts/settings';

export async function prometheusRulesForRequest(): Promise<string> {
  const settings = alertSettings();
  const clusters = await listClusters();
  const dashboardUrl = parseNotifyConfig(process.env).dashboardUrl.replace(/\/+$/, '');
  return ruleFileYaml(
    clusters.map((c) => ({ id: c.id, selector: c.prometheusSelector ?? null })),
    (rule, cluster) => effectiveSettings(settings, rule, cluster),
    dashboardUrl,
  );
}
