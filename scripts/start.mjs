// `npm start`: builds first when there is no build or the sources are newer than it, then serves
// on PORT (default 3000) and HOST (default every interface). With no cluster configured the built-in demo cluster starts in-process.
// `--build-only`: the build step alone (tests that start `next start` themselves reuse the build).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const buildId = path.join(root, '.next', 'BUILD_ID');
const SOURCES = ['app', 'components', 'lib', 'public', 'instrumentation.ts', 'next.config.js', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) if (!e.endsWith('.test.ts')) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (builtAt === 0 || Math.max(...SOURCES.map((s) => newest(path.join(root, s)))) > builtAt) {
  console.log(builtAt === 0 ? 'no build yet: building first (about a minute)…' : 'sources changed since the last build: rebuilding…');
  const r = spawnSync(bin('next'), ['build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (process.argv.includes('--build-only')) process.exit(0);
// scripts/serve.mjs: Next behind node:http, which tells the app each request's peer address (lib/auth/peer.ts).
const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], { cwd: root, stdio: 'inherit', env: { NODE_ENV: 'production', ...process.env } });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
