/**
 * Runs the demo CockroachDB cluster alone, so any client (psql, curl, Prometheus, the dashboard)
 * can talk to it:  npm run demo:cluster -- --nodes 3 --sql-port 26257 --http-port 8080
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startDemoCluster } from '../lib/demo/cluster';
import { CRDB_VERSIONS, DEFAULT_CRDB_VERSION } from '../lib/demo/types';

const USAGE = `usage: npm run demo:cluster -- [--nodes 3] [--sql-port 26257] [--http-port 8080] [--control-port 9080]
       [--seed N] [--speed 1] [--crdb-version ${CRDB_VERSIONS.join('|')} (default ${DEFAULT_CRDB_VERSION})] [--jobs N] [--start ISO-8601] [--history-days 14]
       [--secure [--console-user root] [--console-password X]]
Node i serves HTTP on http-port+i-1; port 0 picks free ports. --speed makes the cluster's clock run faster
than real time; --jobs adds N ad-hoc backup jobs to the history; --start fixes the cluster's "now" (with --seed,
the same history every time). --secure makes the DB Console routes (/ts/query) require a session cookie from
POST /login (the password is generated and printed unless --console-password is given); HTTP stays plain.`;

const port = z.coerce.number().int().min(0).max(65535);
const Args = z.object({
  nodes: z.coerce.number().int().min(1).max(200).default(3),
  'sql-port': port.default(26257),
  'http-port': port.default(8080),
  'control-port': port.optional(),
  seed: z.coerce.number().int().min(0).default(1),
  speed: z.coerce.number().min(0).max(100_000).default(1),
  'crdb-version': z.enum(CRDB_VERSIONS).default(DEFAULT_CRDB_VERSION),
  jobs: z.coerce.number().int().min(0).max(1_000_000).default(0),
  start: z.iso.datetime({ offset: true }).optional(),
  'history-days': z.coerce.number().min(0).max(60).default(14),
  host: z.string().default('127.0.0.1'),
  secure: z.boolean().default(false),
  'console-user': z.string().regex(/^[a-z_][a-z0-9_.-]{0,62}$/i).optional(),
  'console-password': z.string().min(1).optional(),
});

async function main() {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(
        ['nodes', 'sql-port', 'http-port', 'control-port', 'seed', 'speed', 'crdb-version', 'jobs', 'start', 'history-days', 'host', 'console-user', 'console-password'].map((k) => [k, { type: 'string' as const }]),
      ),
      secure: { type: 'boolean' as const },
    },
    strict: true,
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
    console.error(USAGE);
    process.exit(2);
  }
  const a = parsed.data;
  if (!a.secure && (a['console-user'] || a['console-password'])) {
    console.error('--console-user and --console-password need --secure');
    process.exit(2);
  }
  const consoleUser = (a['console-user'] ?? 'root').toLowerCase();
  // A generated password is printed once at start (the operator's only way to learn it); a given one never is.
  const consolePassword = a['console-password'] ?? randomBytes(12).toString('base64url');
  const httpPort = a['http-port'];
  const cluster = await startDemoCluster({
    nodes: a.nodes,
    sqlPort: a['sql-port'],
    httpPort,
    controlPort: a['control-port'] ?? (httpPort === 0 ? 0 : httpPort + 1000),
    seed: a.seed,
    speed: a.speed,
    version: a['crdb-version'],
    extraJobs: a.jobs,
    startMs: a.start ? Date.parse(a.start) : undefined,
    historyDays: a['history-days'],
    host: a.host,
    console: a.secure ? { users: { [consoleUser]: consolePassword } } : undefined,
  });
  console.log(`demo CockroachDB v${a['crdb-version']} cluster: ${a.nodes} nodes, seed ${a.seed}, speed ${a.speed}x`);
  console.log(`SQL:     ${cluster.sqlUrl}`);
  cluster.nodeUrls.forEach((u, i) => console.log(`node ${i + 1}:  ${u}/_status/vars`));
  console.log(`control: ${cluster.controlUrl}  (faults and clock; see README)`);
  console.log(`try:     psql '${cluster.sqlUrl}' -c 'SHOW JOBS'`);
  if (a.secure) {
    console.log(`secure:  /ts/* needs a DB Console session: POST ${cluster.nodeUrls[0]}/login {"username","password"} → Set-Cookie session=…`);
    console.log(`console: user ${consoleUser}, password ${a['console-password'] ? '(as given)' : consolePassword}`);
  } else console.log(`ts:      POST ${cluster.nodeUrls[0]}/ts/query (insecure: no sign-in)`);
  const stop = async () => {
    await cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  console.error(e.code === 'EADDRINUSE' ? `a port is already in use (${e.message}); pick others, or 0 for free ports` : e);
  if (e.code !== 'EADDRINUSE') console.error(USAGE);
  process.exit(1);
});
