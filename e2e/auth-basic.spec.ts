import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { sealSession } from '../lib/auth/session';
import { authHash, authToken, PORTS, startDashboard, tempDir, writeJson, type Dashboard } from './helpers/dashboard-server';
import { CONTROL_BUTTON, controlUrl, cspViolations, expectApiError, expectSecurityHeaders, runningJobId } from './helpers/access-checks';

/**
 * AUTH_MODE=basic as a new user sets it up: a users file made with `npm run auth:hash`, a token from
 * `npm run auth:token`, a dashboard with job control on; a viewer and an operator sign in and see
 * what their role allows.
 */
const SECRET = 'e2e-session-secret-0123456789-abcdefghijklmnop';
const PASSWORDS = { alice: 'alice-operator-pw', victor: 'victor-viewer-pw', carol: 'carol-viewer-pw' };
let dash: Dashboard;
let token = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const dir = tempDir();
  const users = [
    { user: 'alice', role: 'operator', hash: authHash(PASSWORDS.alice) },
    { user: 'victor', role: 'viewer', hash: authHash(PASSWORDS.victor) },
    { user: 'carol', role: 'viewer', hash: authHash(PASSWORDS.carol) },
  ];
  const t = authToken('prometheus', 'viewer');
  token = t.token;
  dash = await startDashboard(PORTS.basic, { AUTH_MODE: 'basic', AUTH_USERS_FILE: writeJson(dir, 'users.json', users), AUTH_TOKENS_FILE: writeJson(dir, 'tokens.json', [t.entry]), AUTH_SESSION_SECRET: SECRET }, dir);
});
test.afterAll(async () => dash?.stop());

async function signIn(browser: Browser, user: keyof typeof PASSWORDS, path = '/c/demo'): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: dash.url })).newPage();
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(PASSWORDS[user]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-bar')).toContainText(`Signed in as ${user}`);
  return page;
}

test('signed out: pages go to sign-in, the API answers 401, health stays open, /metrics takes the token', async ({ request }) => {
  const page = await request.get(`${dash.url}/c/demo/jobs?status=failed`, { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toBe("/sign-in?next=%2Fc%2Fdemo%2Fjobs%3Fstatus%3Dfailed");
  await expectApiError(await request.get(`${dash.url}/api/v1/clusters`), 401, 'unauthenticated');
  await expectApiError(await request.post(controlUrl(dash.url, '1', 'pause')), 401, 'unauthenticated');
  expect((await request.get(`${dash.url}/api/v1/health`)).status()).toBe(200);
  await expectApiError(await request.get(`${dash.url}/metrics`), 401, 'unauthenticated');
  await expectApiError(await request.get(`${dash.url}/metrics`, { headers: { authorization: 'Bearer cbm_not-a-token' } }), 401, 'unauthenticated');
  const metrics = await request.get(`${dash.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(metrics.status()).toBe(200);
  expect(await metrics.text()).toContain('# HELP');
  // HTTP Basic, as Grafana allows API clients.
  const basic = (u: string, p: string) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });
  expect((await request.get(`${dash.url}/api/v1/clusters`, { headers: basic('victor', PASSWORDS.victor) })).status()).toBe(200);
  await expectApiError(await request.get(`${dash.url}/api/v1/clusters`, { headers: basic('victor', 'wrong') }), 401, 'unauthenticated');
});

test('security headers on every response: pages, API, errors, sign-in, static files', async ({ request }) => {
  const html = await (await request.get(`${dash.url}/sign-in`)).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset, 'a script of the build on the sign-in page').toBeTruthy();
  const auth = { authorization: `Bearer ${token}` };
  for (const [path, headers] of [['/sign-in', {}], ['/api/v1/health', {}], ['/api/v1/clusters', {}], ['/api/v1/clusters', auth], ['/api/v1/nope', auth], ['/c/demo', auth], ['/metrics', auth], ['/c/demo/jobs', {}]] as const) {
    expectSecurityHeaders(await request.get(`${dash.url}${path}`, { headers, maxRedirects: 0 }), path, { csp: true });
  }
  expectSecurityHeaders(await request.get(`${dash.url}${asset}`), 'a static script', { csp: false });
  // Every script on the page carries the response's nonce.
  const res = await request.get(`${dash.url}/sign-in`);
  const nonce = /'nonce-([^']+)'/.exec(res.headers()['content-security-policy'] ?? '')?.[1];
  const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s, 'every <script> has the nonce').toContain(`nonce="${nonce}"`);
});

test('a viewer sees the pages but no control, and is refused control and the audit trail', async ({ browser }) => {
  const page = await signIn(browser, 'victor', '/c/demo/jobs');
  const violations = cspViolations(page);
  await expect(page).toHaveURL(/\/c\/demo\/jobs$/);
  await expect(page.getByTestId('session-role')).toHaveText('viewer');
  await expect(page.getByRole('link', { name: 'Audit' })).toHaveCount(0);
  const id = await runningJobId(page.request, dash.url);
  await page.goto(`/c/demo/jobs/${id}`);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await expect(page.getByTestId('job-description')).toBeVisible();
  await expect(page.getByRole('button', { name: CONTROL_BUTTON })).toHaveCount(0);
  await expectApiError(await page.request.post(controlUrl(dash.url, id, 'pause')), 403, 'forbidden');
  await expectApiError(await page.request.get(`${dash.url}/api/v1/audit`), 403, 'forbidden');
  await page.goto('/audit');
  await expect(page.getByRole('alert').filter({ hasText: 'shown to operators' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('an operator pauses a job behind the confirmation; the audit page lists the PAUSE JOB', async ({ browser }) => {
  const page = await signIn(browser, 'alice');
  const violations = cspViolations(page);
  await expect(page.getByTestId('session-role')).toHaveText('operator');
  const id = await runningJobId(page.request, dash.url);
  await page.goto(`/c/demo/jobs/${id}`);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Pause…' }).click();
  await expect(page.getByTestId('confirm-statement')).toHaveText(`PAUSE JOB ${id};`);
  await page.getByRole('button', { name: `PAUSE JOB ${id}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `PAUSE JOB ${id}: done` })).toBeVisible();
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  // The viewer's refused attempt on the same job is listed too, as denied.
  await expect(page.getByTestId('audit-row').filter({ hasText: `PAUSE JOB ${id}` }).filter({ hasText: 'victor' }).first()).toContainText('denied');
  const row = page.getByTestId('audit-row').filter({ hasText: `PAUSE JOB ${id}` }).filter({ hasText: 'alice' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('operator');
  await expect(row).toContainText(/ok: PAUSE; the job is now pause/);
  await expect(page.getByTestId('audit-row').filter({ hasText: 'Sign-in' }).first()).toContainText('alice');
  const api = await page.request.get(`${dash.url}/api/v1/audit`);
  const body = (await api.json()) as { events: { kind: string; user: string; statement: string | null; outcome: string; remote: string; role: string | null; cluster: string | null; at: string }[] };
  expect(body.events[0]).toMatchObject({ kind: 'job_control', user: 'alice', role: 'operator', cluster: 'demo', statement: `PAUSE JOB ${id}`, remote: '127.0.0.1' });
  expect(body.events.some((e) => e.kind === 'sign_in' && e.user === 'victor')).toBe(true);
  const text = JSON.stringify(body);
  for (const pw of Object.values(PASSWORDS)) expect(text).not.toContain(pw);
  expect(text).not.toContain(SECRET);
  await page.request.post(controlUrl(dash.url, id, 'resume'));
  expect(violations).toEqual([]);
});

test('a cross-site POST is refused even with a valid operator session', async ({ browser }) => {
  const page = await signIn(browser, 'alice');
  const id = await runningJobId(page.request, dash.url);
  await expectApiError(await page.request.post(controlUrl(dash.url, id, 'cancel'), { headers: { origin: 'https://evil.example' } }), 403, 'cross_site');
  await expectApiError(await page.request.post(controlUrl(dash.url, id, 'cancel'), { headers: { 'sec-fetch-site': 'cross-site' } }), 403, 'cross_site');
  // A real forgery: a page on another origin (same site: 127.0.0.1, so the cookie goes along) submits a form.
  const other = `http://127.0.0.1:${PORTS.otherSite}`;
  await page.route(`${other}/`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<form method="post" action="${controlUrl(dash.url, id, 'cancel')}"><button>win a prize</button></form>` }),
  );
  await page.goto(`${other}/`);
  await page.getByRole('button', { name: 'win a prize' }).click();
  await expect(page.locator('body')).toContainText('cross_site');
  const job = await page.request.get(`${dash.url}/api/v1/clusters/demo/jobs/${id}`);
  expect(((await job.json()) as { job: { status: string } }).job.status).not.toMatch(/^cancel/);
});

test('sign-out ends the session, and an expired session goes back to sign-in', async ({ browser }) => {
  const page = await signIn(browser, 'victor');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out.' })).toBeVisible();
  await page.goto('/c/demo');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fc%2Fdemo$/);

  // A session sealed with the server's secret whose expiry has passed (an 8 h session, 9 h ago).
  const ttl = 8 * 3_600_000;
  const expired = await sealSession(SECRET, { user: 'victor', role: 'viewer', mode: 'basic' }, ttl, Date.now() - ttl - 3_600_000);
  const ctx = await browser.newContext({ baseURL: dash.url });
  await ctx.addCookies([{ name: 'cbm_session', value: expired, url: dash.url }]);
  const p2 = await ctx.newPage();
  await p2.goto('/c/demo/schedules');
  await expect(p2).toHaveURL(/\/sign-in\?next=%2Fc%2Fdemo%2Fschedules$/);
  const fresh = await sealSession(SECRET, { user: 'victor', role: 'viewer', mode: 'basic' }, ttl);
  await ctx.addCookies([{ name: 'cbm_session', value: fresh, url: dash.url }]);
  await p2.goto('/c/demo/schedules');
  await expect(p2).toHaveURL(/\/c\/demo\/schedules$/);
});

test('failed sign-ins are rate-limited, and recorded without the password', async ({ request }) => {
  const form = (password: string) => request.post(`${dash.url}/api/v1/auth/sign-in`, { form: { user: 'carol', password, next: '/' }, maxRedirects: 0 });
  for (let i = 0; i < 5; i++) expect((await form(`guess-${i}`)).headers().location).toContain('error=invalid');
  const locked = await form(PASSWORDS.carol);
  expect(locked.status()).toBe(303);
  expect(locked.headers().location).toMatch(/error=locked&wait=\d+/);
  const basic = await request.get(`${dash.url}/api/v1/clusters`, { headers: { authorization: `Basic ${Buffer.from(`carol:${PASSWORDS.carol}`).toString('base64')}` } });
  expect(basic.status()).toBe(429);
  expect(Number(basic.headers()['retry-after'])).toBeGreaterThan(0);
  const audit = await request.get(`${dash.url}/api/v1/audit?kind=sign_in_failed`, { headers: { authorization: `Basic ${Buffer.from(`alice:${PASSWORDS.alice}`).toString('base64')}` } });
  const events = ((await audit.json()) as { events: { user: string; outcome: string }[] }).events.filter((e) => e.user === 'carol');
  expect(events.length).toBeGreaterThanOrEqual(6);
  expect(JSON.stringify(events)).not.toContain('guess-');
});

test('screenshots: sign-in and audit, light, dark and phone', async ({ browser }) => {
  const out = 'test-results/screens';
  mkdirSync(out, { recursive: true });
  for (const [name, viewport, scheme] of [['light', { width: 1280, height: 900 }, 'light'], ['dark', { width: 1280, height: 900 }, 'dark'], ['phone', { width: 390, height: 844 }, 'light']] as const) {
    const ctx = await browser.newContext({ baseURL: dash.url, viewport, colorScheme: scheme });
    const page = await ctx.newPage();
    const violations = cspViolations(page);
    await page.goto('/sign-in?next=%2Faudit');
    await page.screenshot({ path: `${out}/sign-in-${name}.png`, fullPage: true });
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill(PASSWORDS.alice);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    // A table on a wide screen, a card per event on a phone.
    await expect(page.getByTestId(viewport.width < 640 ? 'audit-card' : 'audit-row').first()).toBeVisible();
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.screenshot({ path: `${out}/audit-${name}.png`, fullPage: true });
    expect(violations).toEqual([]);
    await ctx.close();
  }
});
