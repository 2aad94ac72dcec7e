import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, track } from './child-servers';

/**
 * A real Alertmanager (Debian's `prometheus-alertmanager`) as a child process on a free loopback
 * port, clustering off, its storage in a temporary directory. Tests read its own API to see what
 * arrived. The process is killed when the test process exits, however it exits.
 */
export const ALERTMANAGER_BIN = '/usr/bin/prometheus-alertmanager';
export const hasAlertmanager = existsSync(ALERTMANAGER_BIN);

/** Routes everything to a receiver with no integrations: alerts are kept, nothing is sent anywhere. */
export const BLACKHOLE_CONFIG = `route:
  receiver: blackhole
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: blackhole
`;

/** An alert as `GET /api/v2/alerts` returns it (gettableAlert). */
export interface GettableAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  generatorURL?: string;
  fingerprint: string;
  status: { state: 'unprocessed' | 'active' | 'suppressed'; silencedBy: string[]; inhibitedBy: string[] };
  receivers: { name: string }[];
}

export interface Alertmanager {
  /** Base URL, e.g. http://127.0.0.1:40123. */
  url: string;
  /** `GET /api/v2/alerts` with the given query (`active=true`, `filter=alertname="x"`…). */
  alerts(query?: Record<string, string>): Promise<GettableAlert[]>;
  stop(): Promise<void>;
}

export interface StartOptions {
  config?: string;
  readyTimeoutMs?: number;
}


export async function startAlertmanager(opts: StartOptions = {}): Promise<Alertmanager> {
  // The free port can be taken between probing and binding; try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(opts);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function startOnce(opts: StartOptions): Promise<Alertmanager> {
  const dir = mkdtempSync(path.join(tmpdir(), 'alertmanager-'));
  const configFile = path.join(dir, 'alertmanager.yml');
  writeFileSync(configFile, opts.config ?? BLACKHOLE_CONFIG);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    ALERTMANAGER_BIN,
    [`--config.file=${configFile}`, `--storage.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  track(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => {
    stderr = (stderr + c).slice(-4_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const stop = async () => {
    if (!gone) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 20_000);
  for (;;) {
    if (gone) {
      await stop();
      throw new Error(`alertmanager exited before it was ready:\n${stderr}`);
    }
    const ok = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`alertmanager not ready on ${url} within ${opts.readyTimeoutMs ?? 20_000} ms:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    stop,
    async alerts(query = {}) {
      const res = await fetch(`${url}/api/v2/alerts?${new URLSearchParams(query)}`);
      if (!res.ok) throw new Error(`GET /api/v2/alerts: HTTP ${res.status}: ${await res.text()}`);
      return (await res.json()) as GettableAlert[];
    },
  };
}
