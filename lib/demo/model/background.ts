import { latestPath } from './backups';
import { createJob, pgTime } from './jobs';
import { RESTORE_ERRORS, SCHEDULE_SPECS } from './scenario';
import type { World } from './world';

const HOUR = 3_600_000;

/**
 * Everything that is not a scheduled backup: the long-running system jobs every cluster has,
 * automatic statistics, the odd schema change, and operators' ad-hoc restores and backups.
 * Each kind arrives as a Poisson process on the model's step grid.
 */
export function startForeverJobs(world: World, historyStartMs: number): void {
  const atMs = historyStartMs - world.rng.between(1, 3) * 86_400_000;
  const forever = { durationMs: Infinity, failAt: null, retryAt: null, forever: true, adoptAfterMs: 3_000 };
  createJob(world, { job_type: 'AUTO SPAN CONFIG RECONCILIATION', description: 'reconciling span configurations', statement: '', user_name: 'node', createdMs: atMs, coordinator: 1, plan: forever });
  createJob(world, { job_type: 'POLL JOBS STATS', description: 'Poll jobs stats', statement: '', user_name: 'node', createdMs: atMs + 1_000, coordinator: world.statsNodeId, plan: forever });
  createJob(world, {
    job_type: 'CHANGEFEED',
    description: "CREATE CHANGEFEED FOR TABLE movr.public.rides INTO 'kafka://kafka.internal:9092?topic_prefix=movr_' WITH OPTIONS (resolved = '10s', updated)",
    statement: '',
    user_name: 'app_cdc',
    createdMs: atMs + 3_600_000,
    coordinator: 2 <= world.nodes.length ? 2 : 1,
    plan: forever,
  });
}

/** Called every step: maybe start background jobs. `stepMs` scales the per-hour rates. */
export function maybeStartBackgroundJobs(world: World, t: number, stepMs: number): void {
  const perStep = (perHour: number) => world.rng.chance((perHour * stepMs) / HOUR);
  const node = () => world.rng.pick(world.nodes).node.node_id;
  if (perStep(0.5)) {
    const table = world.rng.pick(['movr.public.rides', 'movr.public.users', 'movr.public.vehicle_location_histories', 'payroll.public.payslips']);
    createJob(world, {
      job_type: 'AUTO CREATE STATS',
      description: `Table statistics refresh for ${table}`,
      statement: `CREATE STATISTICS __auto__ FROM [${world.rng.int(104, 131)}] WITH OPTIONS THROTTLING = 0.9 AS OF SYSTEM TIME '-30s'`,
      user_name: 'root',
      createdMs: t,
      coordinator: node(),
      plan: { durationMs: world.rng.between(4_000, 90_000), failAt: null, retryAt: null, forever: false },
    });
  }
  if (perStep(0.06)) {
    const stmt = world.rng.pick([
      'CREATE INDEX ON movr.public.rides (city, start_time)',
      'ALTER TABLE movr.public.users ADD COLUMN IF NOT EXISTS loyalty_tier STRING',
      'ALTER TABLE payroll.public.payslips ADD CONSTRAINT chk_amount CHECK (amount >= 0)',
    ]);
    createJob(world, {
      job_type: 'NEW SCHEMA CHANGE',
      description: stmt,
      statement: stmt,
      user_name: 'migrations',
      createdMs: t,
      coordinator: node(),
      plan: { durationMs: world.rng.between(20_000, 15 * 60_000), failAt: world.rng.chance(0.05) ? 0.6 : null, failError: 'duplicate key value violates unique constraint "rides_city_start_time_idx"', retryAt: null, forever: false },
    });
  }
  if (perStep(1 / 30)) startRestore(world, t, node(), world.rng.between(0.6, 2.5) * HOUR, world.rng.chance(0.15));
  if (perStep(1 / 20)) startManualBackup(world, t, node(), world.rng.between(5, 40) * 60_000);
}

/** An operator's restore test: a movr backup restored under a new name. */
export function startRestore(world: World, t: number, coordinator: number, durationMs: number, fails: boolean) {
  const spec = SCHEDULE_SPECS.find((s) => s.label === 'movr_frequent')!;
  const path = latestPath(world, spec.collection) ?? '/';
  return createJob(world, {
    job_type: 'RESTORE',
    description: `RESTORE DATABASE movr FROM '${path}' IN '${spec.collection}' WITH OPTIONS (detached, new_db_name = 'movr_restore_check')`,
    statement: `RESTORE DATABASE movr FROM LATEST IN '${spec.collection}' WITH detached, new_db_name = 'movr_restore_check'`,
    user_name: 'sre_oncall',
    createdMs: t,
    coordinator,
    plan: { durationMs, failAt: fails ? world.rng.between(0.2, 0.9) : null, failError: world.rng.pick(RESTORE_ERRORS), retryAt: world.rng.chance(0.2) ? world.rng.between(0.1, 0.8) : null, forever: false },
  });
}

/** An ad-hoc backup (no schedule), e.g. before a risky migration. */
export function startManualBackup(world: World, t: number, coordinator: number, durationMs: number) {
  const uri = 's3://acme-crdb-backups/adhoc?AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE&AWS_SECRET_ACCESS_KEY=redacted';
  return createJob(world, {
    job_type: 'BACKUP',
    description: `BACKUP DATABASE movr INTO '${uri}' AS OF SYSTEM TIME '${pgTime(new Date(t))}' WITH OPTIONS (detached)`,
    statement: `BACKUP DATABASE movr INTO '${uri}' WITH detached`,
    user_name: 'migrations',
    createdMs: t,
    coordinator,
    plan: { durationMs, failAt: world.rng.chance(0.05) ? 0.5 : null, failError: 'context canceled', retryAt: null, forever: false },
  });
}
