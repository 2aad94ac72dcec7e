/**
 * The production server as a user runs it, against the built-in demo cluster: the build that
 * `node scripts/start.mjs` makes (rebuilt only when the sources are newer, as `npm start` does),
 * served by `next start` on a free loopback port, in its own process group so that stopping it
 * stops everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './child-servers';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Variables that would point the server at a real cluster, Prometheus or notifier instead of the demo. */
const CLUSTER_ENV = /^(CRDB_|CLUSTERS_FILE$|PROMETHEUS_|HISTORY_BACKEND$|ALERTMANAGER_URL$|ALERT_WEBHOOK_URL$|ALERTS_FILE$|ENABLE_JOB_CONTROL$|AUTH_|DEMO_)/;

export interface NextServer {
  readonly url: string;
  /** Everything the server printed so far (stdout and stderr). */
  log(): string;
  stop(): Promise<void>;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function startNextServer(extraEnv: Record<string, string> = {}): Promise<NextServer> {
  // NODE_ENV too: vitest sets it to "test", and `next build` / `next start` set their own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !CLUSTER_ENV.test(k) && k !== 'NODE_ENV')) as NodeJS.ProcessEnv;
  const build = await run(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--build-only'], env);
  if (build.code !== 0) throw new Error(`the production build failed (exit ${build.code}):\n${build.out.slice(-4000)}`);

  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'next-server-'));
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    // TS_BACKFILL=1d: a day of the demo's past through /ts/query, not ten: the backfill's writes share the
    // process (and its event loop) with the in-process demo nodes these tests call.
    env: { ...env, PORT: String(port), HISTORY_DB: path.join(dataDir, 'history.sqlite'), NODE_ENV: 'production', TS_BACKFILL: '1d', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: the demo cluster and anything else it forks stop with it
  });
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  let log = '';
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}) before it answered:\n${log.slice(-4000)}`);
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, log: () => log, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer /api/v1/health within 120 s:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
