/**
 * A real Prometheus (Debian's `prometheus`) for tests: a child process on a free loopback port with
 * its own config, rule files and data dir, ready once /-/ready answers; killed when the test
 * process exits. Never a system service.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, track } from './child-servers';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';
export const hasPrometheus = existsSync(PROMETHEUS_BIN);

export interface Prometheus {
  url: string;
  dir: string;
  /** GET `/api/v1/<path>`'s `data`. */
  api<T = unknown>(p: string, params?: Record<string, string>): Promise<T>;
  stop(): Promise<void>;
}


/** `config` is prometheus.yml; `files` are written beside it (rule files named in `rule_files`). */
export async function startPrometheus(config: string, files: Record<string, string> = {}, opts: { readyTimeoutMs?: number; dir?: string } = {}): Promise<Prometheus> {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'prometheus-'));
  writeFileSync(path.join(dir, 'prometheus.yml'), config);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(PROMETHEUS_BIN, [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  track(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => {
    stderr = (stderr + c).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
    if (!opts.dir) rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (gone) throw new Error(`prometheus exited before it was ready:\n${stderr}`);
    if (await fetch(`${url}/-/ready`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus not ready on ${url}:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    dir,
    stop,
    async api<T>(p: string, params: Record<string, string> = {}) {
      const res = await fetch(`${url}/api/v1/${p}?${new URLSearchParams(params)}`);
      const body = (await res.json()) as { status: string; data: T; error?: string };
      if (body.status !== 'success') throw new Error(`GET /api/v1/${p}: ${body.error}`);
      return body.data;
    },
  };
}
