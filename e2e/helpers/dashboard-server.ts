/**
 * A second dashboard for the access-control specs, in a sign-in mode of its own: the same
 * production build the suite's server runs (`next start` reads AUTH_* at run time), started with
 * scripts/serve.mjs on a port of its own beside E2E_PORT, with its own demo cluster and history
 * file, and ENABLE_JOB_CONTROL=true so that roles matter.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const BASE = Number(process.env.E2E_PORT ?? 3100);

/** Ports beside E2E_PORT (the suite's server is E2E_PORT, its demo control E2E_PORT+99). */
export const PORTS = {
  basic: BASE + 11,
  proxy: BASE + 12,
  oidc: BASE + 13,
  refused: BASE + 14,
  backfill: BASE + 15,
  provider: BASE + 50,
  frontProxy: BASE + 51,
  otherSite: BASE + 52,
} as const;

export interface Dashboard {
  url: string;
  dir: string;
  stop(): Promise<void>;
  log(): string;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'crdb-auth-e2e-'));
}

function serverEnv(port: number, dir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AUTH_|OIDC_|CRDB_|CLUSTERS_FILE|DASHBOARD_URL|ENABLE_JOB_CONTROL|HOST$|HOSTNAME$)/.test(k)));
  return {
    ...clean,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_CONTROL_PORT: String(port + 70),
    HISTORY_DB: path.join(dir, 'history.sqlite'),
    ENABLE_JOB_CONTROL: 'true',
    // One demo cluster: these servers test sign-in, not the fleet (three would triple their start-up).
    DEMO_CLUSTERS: '1',
    // A day of the past from the demo's /ts/query (the real path, cheaply): ten days are
    // e2e/history-backfill.spec.ts's to test, and would cost each of these servers a minute of CPU.
    TS_BACKFILL: '1d',
    ...env,
  };
}

/** Starts a dashboard and waits until /api/v1/health answers (the demo cluster is up). */
export async function startDashboard(port: number, env: Record<string, string>, dir = tempDir()): Promise<Dashboard> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], { cwd: root, env: serverEnv(port, dir, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the dashboard on ${port} exited (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the dashboard on ${port} did not become healthy in 180 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    dir,
    log: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Runs a dashboard that must refuse to start; resolves with its exit code and output. */
export function startupRefusal(port: number, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dir = tempDir();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], { cwd: root, env: serverEnv(port, dir, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: out });
    }),
  );
}

/** `npm run auth:hash -- <password>`, as a new user makes a users file: the hash is the last line. */
export function authHash(password: string): string {
  const r = spawnSync('npm', ['run', '-s', 'auth:hash', '--', password], { cwd: root, encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  return lines[lines.length - 1];
}

/** `npm run auth:token -- <name> <role>`: the token (printed once, on stderr) and the file entry (the last line). */
export function authToken(name: string, role: string): { token: string; entry: unknown } {
  const r = spawnSync('npm', ['run', '-s', 'auth:token', '--', name, role], { cwd: root, encoding: 'utf8' });
  const token = /cbm_[A-Za-z0-9_-]+/.exec(r.stderr)?.[0] ?? '';
  const lines = r.stdout.trim().split('\n');
  return { token, entry: JSON.parse(lines[lines.length - 1]) };
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}
