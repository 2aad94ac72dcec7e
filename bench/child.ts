/**
 * A bench's helper process (servers, a demo cluster): `bench/<script>` run with tsx, its first stdout
 * line read as JSON once it is ready. The caller kills it when done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function startChild<T>(script: string, args: string[]): Promise<{ child: ChildProcess; ready: T }> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const stdout = child.stdout;
  if (!stdout) throw new Error(`${script}: no stdout`);
  stdout.setEncoding('utf8');
  stdout.on('data', (c: string) => (out += c));
  while (!out.includes('\n')) await once(stdout, 'data');
  return { child, ready: JSON.parse(out.split('\n')[0]) as T };
}
