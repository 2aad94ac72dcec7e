import { alertRulesForRequest } from '@/lib/api/alerts';
import { respond } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The rule catalog with the effective settings (defaults, then ALERTS_FILE). */
export async function GET() {
  return respond(() => alertRulesForRequest());
}
