import { test, expect } from './fixtures';
import { startFrontProxy, type FrontProxy } from './helpers/front-proxy';
import { PORTS, startDashboard, type Dashboard } from './helpers/dashboard-server';
import { CONTROL_BUTTON, controlUrl, cspViolations, expectApiError, expectSecurityHeaders, runningJobId } from './helpers/access-checks';

/**
 * AUTH_MODE=proxy: the dashboard trusts X-Forwarded-User / X-Forwarded-Groups only from its proxy
 * (AUTH_PROXY_TRUSTED=127.0.0.2, e2e/helpers/front-proxy.ts); members of crdb-operators operate.
 */
let dash: Dashboard;
let front: FrontProxy;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const publicUrl = `http://127.0.0.1:${PORTS.frontProxy}`;
  dash = await startDashboard(PORTS.proxy, { AUTH_MODE: 'proxy', AUTH_PROXY_TRUSTED: '127.0.0.2', AUTH_OPERATOR_GROUPS: 'crdb-operators', DASHBOARD_URL: publicUrl });
  front = await startFrontProxy(PORTS.frontProxy, dash.url);
});
test.afterAll(async () => {
  await front?.close();
  await dash?.stop();
});

test('the user header is refused from anywhere but the proxy; no header is not signed in', async ({ request }) => {
  await expectApiError(await request.get(`${dash.url}/api/v1/clusters`, { headers: { 'x-forwarded-user': 'olivia', 'x-forwarded-groups': 'crdb-operators' } }), 403, 'forbidden');
  const page = await request.get(`${dash.url}/c/demo`, { headers: { 'x-forwarded-user': 'olivia' }, maxRedirects: 0 });
  expect(page.status()).toBe(403);
  expectSecurityHeaders(page, 'a refused page', { csp: true });
  await expectApiError(await request.get(`${dash.url}/api/v1/clusters`), 401, 'unauthenticated');
  front.as = null;
  await expectApiError(await request.get(`${front.url}/api/v1/clusters`), 401, 'unauthenticated');
  expect((await request.get(`${dash.url}/api/v1/health`)).status()).toBe(200);
});

test('through the proxy a viewer sees the pages but no control, and is refused control', async ({ page }) => {
  front.as = { user: 'victor', groups: 'dba,readers' };
  const violations = cspViolations(page);
  const id = await runningJobId(page.request, front.url);
  await page.goto(`${front.url}/c/demo/jobs/${id}`);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await expect(page.getByTestId('session-bar')).toContainText('Signed in as victor');
  await expect(page.getByTestId('session-role')).toHaveText('viewer');
  // A proxy's identity is not the dashboard's to end.
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(page.getByTestId('job-description')).toBeVisible();
  await expect(page.getByRole('button', { name: CONTROL_BUTTON })).toHaveCount(0);
  await expectApiError(await page.request.post(controlUrl(front.url, id, 'pause'), { headers: { origin: front.url } }), 403, 'forbidden');
  expect(violations).toEqual([]);
});

test('through the proxy an operator pauses a job, the audit names them and where they came from, a cross-site POST is refused', async ({ page }) => {
  front.as = { user: 'olivia', groups: 'dba,crdb-operators' };
  const id = await runningJobId(page.request, front.url);
  await expectApiError(await page.request.post(controlUrl(front.url, id, 'pause'), { headers: { origin: 'https://evil.example' } }), 403, 'cross_site');
  await page.goto(`${front.url}/c/demo/jobs/${id}`);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await expect(page.getByTestId('session-role')).toHaveText('operator');
  await page.getByRole('button', { name: 'Pause…' }).click();
  await page.getByRole('button', { name: `PAUSE JOB ${id}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `PAUSE JOB ${id}: done` })).toBeVisible();
  await page.goto(`${front.url}/audit`);
  const row = page.getByTestId('audit-row').filter({ hasText: `PAUSE JOB ${id}` }).filter({ hasText: 'olivia' });
  await expect(row).toContainText('ok: PAUSE');
  await expect(row).toContainText('127.0.0.1 via 127.0.0.2');
  const res = await page.request.post(controlUrl(front.url, id, 'resume'), { headers: { origin: front.url } });
  expect(res.status()).toBe(200);
});
