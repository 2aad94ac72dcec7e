import type { DemoBackupObject } from '../types';
import { DATABASES, type ScheduleSpec } from './scenario';
import { bump, type World } from './world';

/** CockroachDB names a full backup's subdirectory after its end time: '/2026/11/24-000000.00'. */
export function backupPath(endMs: number): string {
  const d = new Date(endMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const cs = Math.floor(d.getUTCMilliseconds() / 10);
  return `/${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}.${p(cs)}`;
}

/** Tables grow ~0.4 % a day; an incremental layer holds what changed since the previous layer. */
function objectsFor(kind: ScheduleSpec['objects'], atMs: number, originMs: number, incrementalShare: number | null): DemoBackupObject[] {
  const days = (atMs - originMs) / 86_400_000;
  const growth = 1 + 0.004 * days;
  const dbs = kind === 'cluster' ? ['system', 'movr', 'payroll'] : kind === 'rides' ? ['movr'] : [kind];
  const out: DemoBackupObject[] = [];
  for (const db of dbs) {
    if (kind !== 'rides') out.push(row(null, null, db, 'database', null, null));
    out.push(row(db, null, 'public', 'schema', null, null));
    for (const t of DATABASES[db] ?? []) {
      if (kind === 'rides' && t.table !== 'rides') continue;
      const share = incrementalShare ?? 1;
      out.push(row(db, 'public', t.table, 'table', Math.round(t.bytes * growth * share), Math.round(t.rows * growth * share)));
    }
  }
  return out;
}

function row(
  database_name: string | null,
  parent_schema_name: string | null,
  object_name: string,
  object_type: DemoBackupObject['object_type'],
  size_bytes: number | null,
  rows: number | null,
): DemoBackupObject {
  return { database_name, parent_schema_name, object_name, object_type, size_bytes, rows };
}

/** Records a successful backup layer in its collection (a new full starts a new subdirectory). */
export function writeLayer(
  world: World,
  layer: { collection: string; path: string; full: boolean; objects: ScheduleSpec['objects']; startMs: number | null; endMs: number },
  originMs: number,
): void {
  let backup = world.backups.find((b) => b.collection === layer.collection && b.path === layer.path);
  if (!backup) {
    backup = { collection: layer.collection, path: layer.path, layers: [] };
    world.backups.push(backup);
  }
  const share = layer.full ? null : world.rng.between(0.001, 0.02);
  backup.layers.push({
    backup_type: layer.full ? 'full' : 'incremental',
    start_time: layer.startMs === null ? null : new Date(layer.startMs),
    end_time: new Date(layer.endMs),
    is_full_cluster: layer.objects === 'cluster',
    objects: objectsFor(layer.objects, layer.endMs, originMs, share),
    // Once in a while a file goes missing from storage (lifecycle rules): check_files finds it.
    missing_files: world.rng.chance(0.01) ? [`/data/${Math.floor(world.rng.between(8e17, 9e17))}.sst`] : [],
  });
  bump(world);
}

/** The newest full backup subdirectory of a collection, where incrementals are written. */
export function latestPath(world: World, collection: string): string | null {
  let latest: string | null = null;
  for (const b of world.backups) if (b.collection === collection && (latest === null || b.path > latest)) latest = b.path;
  return latest;
}
