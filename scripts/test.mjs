// `npm test`: typecheck, lint, unit + integration tests (vitest, against the demo cluster over
// real HTTP and pgwire), then the Playwright suite in Debian's chromium. Ends with one line
// "N passed, N failed" and a non-zero exit code when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = [];
let passed = 0;
let failed = 0;

function run(cmd, args, env = {}) {
  console.log(`\n$ ${path.basename(cmd)} ${args.join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}
function record(name, p, f) {
  passed += p;
  failed += f;
  results.push(`${name}: ${p} passed, ${f} failed`);
}

/** Debian packages the suite needs: chromium for Playwright, prometheus for promtool checks. */
function ensurePackages() {
  const missing = [
    ['chromium', '/usr/bin/chromium'],
    ['prometheus', '/usr/bin/promtool'],
    ['prometheus-alertmanager', '/usr/bin/prometheus-alertmanager'],
  ].filter(([, file]) => !existsSync(file));
  if (missing.length === 0) return true;
  const names = missing.map(([n]) => n);
  if (process.getuid?.() !== 0) {
    console.error(`missing Debian packages: ${names.join(' ')}. Install them with:\n  sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`);
    return !names.includes('chromium');
  }
  console.log(`installing ${names.join(' ')} with apt-get…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { DEBIAN_FRONTEND: 'noninteractive' });
  return existsSync('/usr/bin/chromium');
}

mkdirSync(path.join(root, 'test-results'), { recursive: true });
const haveChromium = ensurePackages();

const tsc = run(bin('tsc'), ['--noEmit', '-p', '.']);
record('typecheck', tsc === 0 ? 1 : 0, tsc === 0 ? 0 : 1);

const lint = run(bin('eslint'), ['--max-warnings=0', '.']);
record('lint', lint === 0 ? 1 : 0, lint === 0 ? 0 : 1);

// The house rules (no import circle, no layer crossed), from the real import graph.
const layers = run(process.execPath, [path.join(root, 'scripts', 'check-layers.mjs')]);
record('layers', layers === 0 ? 1 : 0, layers === 0 ? 0 : 1);

const vitestJson = path.join(root, 'test-results', 'vitest.json');
rmSync(vitestJson, { force: true });
const vitest = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  // A file that fails to load has no tests but counts as a failure.
  const brokenFiles = (v.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  record('vitest', v.numPassedTests, v.numFailedTests + brokenFiles + (vitest !== 0 && v.numFailedTests + brokenFiles === 0 ? 1 : 0));
} else {
  record('vitest', 0, 1);
}

const e2eJson = path.join(root, 'test-results', 'e2e.json');
rmSync(e2eJson, { force: true });
if (!haveChromium) {
  console.error('chromium is missing: the end-to-end suite cannot run');
  record('e2e', 0, 1);
} else {
  const e2e = run(bin('playwright'), ['test']);
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats ?? {};
    const f = (s.unexpected ?? 0) + (s.flaky ?? 0);
    record('e2e', s.expected ?? 0, f + (e2e !== 0 && f === 0 ? 1 : 0));
  } else {
    record('e2e', 0, 1);
  }
}

console.log(`\n${results.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
