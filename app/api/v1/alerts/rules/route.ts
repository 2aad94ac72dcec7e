import { alertRulesForRequest } from '@/lib/api/alerts';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** The rule catalog with the effective settings (defaults, then ALERTS_FILE). */
export async function GET() {
  return respond(() => alertRulesForRequest());
}
