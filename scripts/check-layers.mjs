// `npm run check:layers` (and a step of `npm test`): the house rules of DESIGN.md / the README's
// "Layout", read from the real import graph (madge resolves every import, `@/` aliases included).
// Prints each violation and exits non-zero when there is one.
import path from 'node:path';
import madge from 'madge';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const res = await madge(['lib', 'components', 'app', 'instrumentation.ts'], {
  baseDir: root,
  fileExtensions: ['ts', 'tsx'],
  tsConfig: path.join(root, 'tsconfig.json'),
  excludeRegExp: [/\.test\.tsx?$/, /node_modules/],
});
const graph = res.obj();

const under = (f, dir) => f === dir || f.startsWith(`${dir}/`);
/** [rule, (from, to) => broken?] */
const RULES = [
  ['components/ and lib/domain/ take server types from lib/api/types, never from lib/sql, lib/scrape or lib/history',
    (f, t) => (under(f, 'components') || under(f, 'lib/domain')) && ['lib/sql', 'lib/scrape', 'lib/history'].some((d) => under(t, d))],
  ['no product module imports lib/demo (instrumentation.ts wires the demo in at start-up)',
    (f, t) => under(t, 'lib/demo') && !under(f, 'lib/demo') && f !== 'instrumentation.ts'],
  ['lib/sql runs statements and decodes rows: it imports no domain, history, scrape or composing module',
    (f, t) => under(f, 'lib/sql') && (['lib/domain', 'lib/history', 'lib/scrape', 'lib/alerts'].some((d) => under(t, d)) || (under(t, 'lib/api') && !under(t, 'lib/api/types')))],
  ['only lib/api composes: below it, lib/ imports nothing from lib/api but its types',
    (f, t) => under(f, 'lib') && !under(f, 'lib/api') && under(t, 'lib/api') && !under(t, 'lib/api/types')],
  ['lib/api/types is the contract: it imports nothing but itself',
    (f, t) => under(f, 'lib/api/types') && !under(t, 'lib/api/types')],
  ['lib/domain is pure: it imports no I/O layer',
    (f, t) => under(f, 'lib/domain') && ['lib/sql', 'lib/scrape', 'lib/history', 'lib/api/', 'lib/alerts/notify'].some((d) => under(t, d.replace(/\/$/, ''))) && !under(t, 'lib/api/types')],
  ['lib/ never imports app/ or components/', (f, t) => under(f, 'lib') && (under(t, 'app') || under(t, 'components'))],
];

const problems = [];
for (const [from, deps] of Object.entries(graph)) {
  for (const to of deps) for (const [rule, broken] of RULES) if (broken(from, to)) problems.push(`${rule}:\n    ${from} → ${to}`);
}
for (const cycle of res.circular()) problems.push(`import circle:\n    ${cycle.join(' → ')} → ${cycle[0]}`);

// Request adapters ("…ForRequest": parse a request, call the layers, shape the answer) live in lib/api only.
for (const file of Object.keys(graph)) {
  if (!under(file, 'lib') || under(file, 'lib/api')) continue;
  const { readFileSync } = await import('node:fs');
  if (/export (async )?function \w+ForRequest\b/.test(readFileSync(path.join(root, file), 'utf8'))) problems.push(`request adapters live in lib/api:\n    ${file}`);
}

if (problems.length) {
  console.error(`${problems.length} house rule(s) broken:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`house rules hold over ${Object.keys(graph).length} modules: no import circle, no layer crossed`);
