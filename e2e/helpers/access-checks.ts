/** Checks shared by the access-control specs (one per sign-in mode). */
import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';

/**
 * A running job of the demo cluster that PAUSE applies to: a BACKUP when one is running (they come
 * and go with the schedules), else the changefeed that always runs.
 */
export async function runningJobId(request: APIRequestContext, base: string, headers: Record<string, string> = {}): Promise<string> {
  let id = '';
  await expect
    .poll(
      async () => {
        const res = await request.get(`${base}/api/v1/clusters/demo/jobs?type=all&status=running&limit=100`, { headers });
        expect(res.status(), await res.text().catch(() => '')).toBe(200);
        const body = (await res.json()) as { jobs: { job_id: string; job_type: string }[] };
        id = (body.jobs.find((j) => j.job_type === 'BACKUP') ?? body.jobs.find((j) => j.job_type === 'CHANGEFEED'))?.job_id ?? '';
        return id;
      },
      { timeout: 60_000, message: 'a running BACKUP or CHANGEFEED job' },
    )
    .not.toBe('');
  return id;
}

export function controlUrl(base: string, jobId: string, action: 'pause' | 'resume' | 'cancel'): string {
  return `${base}/api/v1/clusters/demo/jobs/${jobId}/${action}`;
}

/** The headers every response carries; `page`: also the CSP and frame protection that proxy.ts adds. */
export function expectSecurityHeaders(res: APIResponse, what: string, opts: { csp: boolean }) {
  const h = res.headers();
  expect(h['x-content-type-options'], `${what}: X-Content-Type-Options`).toBe('nosniff');
  expect(h['referrer-policy'], `${what}: Referrer-Policy`).toBe('same-origin');
  if (!opts.csp) return;
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${what}: Content-Security-Policy`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp, `${what}: no inline-script hole`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `${what}: frame-ancestors`).toContain("frame-ancestors 'none'");
  expect(h['x-frame-options'], `${what}: X-Frame-Options`).toBe('DENY');
}

export async function expectApiError(res: APIResponse, status: number, code: string) {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

/** Collects CSP violations the page reports (the browser logs each as a console error). */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Content-Security-Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

/** The job page's control buttons (components/jobs/job-control.tsx). */
export const CONTROL_BUTTON = /^(Pause|Resume|Cancel)…$/;
