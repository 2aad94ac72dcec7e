import type { Server } from 'node:http';
import type { Browser, Page } from '@playwright/test';
import Provider from 'oidc-provider';
import { test, expect } from './fixtures';
import { PORTS, startDashboard, type Dashboard } from './helpers/dashboard-server';
import { CONTROL_BUTTON, controlUrl, cspViolations, expectApiError, runningJobId } from './helpers/access-checks';

/**
 * AUTH_MODE=oidc against a real OpenID Connect provider (oidc-provider, in this process, with its
 * development login and consent pages): the dashboard (openid-client) runs the code flow with PKCE,
 * reads the groups claim from userinfo and maps crdb-operators to the operator role.
 */
const ISSUER = `http://127.0.0.1:${PORTS.provider}`;
const CLIENT = { id: 'crdb-monitor', secret: 'e2e-oidc-client-secret-0123456789' };
let dash: Dashboard;
let provider: Server;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const dashUrl = `http://127.0.0.1:${PORTS.oidc}`;
  const oidc = new Provider(ISSUER, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [`${dashUrl}/api/v1/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], groups: ['groups'] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, preferred_username: id, name: id, groups: id === 'olivia' ? ['dba', 'crdb-operators'] : ['readers'] }),
    }),
    cookies: { keys: ['e2e-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  });
  provider = oidc.listen(PORTS.provider);
  dash = await startDashboard(PORTS.oidc, {
    AUTH_MODE: 'oidc',
    OIDC_ISSUER_URL: ISSUER,
    OIDC_CLIENT_ID: CLIENT.id,
    OIDC_CLIENT_SECRET: CLIENT.secret,
    OIDC_SCOPES: 'openid profile groups',
    AUTH_OPERATOR_GROUPS: 'crdb-operators',
    AUTH_SESSION_SECRET: 'e2e-oidc-session-secret-0123456789-abcdef',
  });
});
test.afterAll(async () => {
  await dash?.stop();
  await new Promise<void>((resolve) => (provider ? provider.close(() => resolve()) : resolve()));
});

async function signIn(browser: Browser, user: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: dash.url })).newPage();
  await page.goto('/c/demo/jobs');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByRole('link', { name: `Sign in with 127.0.0.1:${PORTS.provider}` }).click();
  // The provider's own pages: its development login, then consent.
  await page.getByPlaceholder('Enter any login').fill(user);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`^${dash.url}/c/demo/jobs$`));
  await expect(page.getByTestId('session-bar')).toContainText(`Signed in as ${user}`);
  return page;
}

test('signed out: pages go to sign-in, the API answers 401', async ({ request }) => {
  const res = await request.get(`${dash.url}/c/demo`, { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toBe('/sign-in?next=%2Fc%2Fdemo');
  await expectApiError(await request.get(`${dash.url}/api/v1/clusters/demo/jobs`), 401, 'unauthenticated');
  expect((await request.get(`${dash.url}/api/v1/health`)).status()).toBe(200);
});

test('a viewer signs in at the provider, sees no control and is refused it', async ({ browser }) => {
  const page = await signIn(browser, 'victor');
  const violations = cspViolations(page);
  await expect(page.getByTestId('session-role')).toHaveText('viewer');
  const id = await runningJobId(page.request, dash.url);
  await page.goto(`/c/demo/jobs/${id}`);
  await expect(page.getByTestId('job-description')).toBeVisible();
  await expect(page.getByRole('button', { name: CONTROL_BUTTON })).toHaveCount(0);
  await expectApiError(await page.request.post(controlUrl(dash.url, id, 'pause')), 403, 'forbidden');
  expect(violations).toEqual([]);
});

test('an operator (crdb-operators) controls jobs, a cross-site POST is refused, the audit lists both sign-ins; sign-out', async ({ browser }) => {
  const page = await signIn(browser, 'olivia');
  await expect(page.getByTestId('session-role')).toHaveText('operator');
  const id = await runningJobId(page.request, dash.url);
  await expectApiError(await page.request.post(controlUrl(dash.url, id, 'pause'), { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }), 403, 'cross_site');
  await page.goto(`/c/demo/jobs/${id}`);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Pause…' }).click();
  await page.getByRole('button', { name: `PAUSE JOB ${id}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `PAUSE JOB ${id}: done` })).toBeVisible();
  const audit = (await (await page.request.get(`${dash.url}/api/v1/audit`)).json()) as { events: { kind: string; user: string; role: string | null; statement: string | null; outcome: string }[] };
  expect(audit.events[0]).toMatchObject({ kind: 'job_control', user: 'olivia', role: 'operator', statement: `PAUSE JOB ${id}` });
  expect(audit.events.filter((e) => e.kind === 'sign_in').map((e) => e.user)).toEqual(expect.arrayContaining(['olivia', 'victor']));
  expect(JSON.stringify(audit)).not.toContain(CLIENT.secret);
  expect((await page.request.post(controlUrl(dash.url, id, 'resume'))).status()).toBe(200);
  await page.goto('/c/demo');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
  await expectApiError(await page.request.get(`${dash.url}/api/v1/clusters`), 401, 'unauthenticated');
});
