/**
 * Decoding system.protected_ts_records' columns (reference §f; CRDB ptpb/protectedts.proto,
 * pkg/jobs/jobsprotectedts): `meta` is the holder's id as decimal ASCII bytes, `ts` an HLC decimal
 * `<wall nanos>.<10-digit logical>`, `target` an encoded cockroach.protectedts.Target. Pure.
 */
import type { PtsTarget } from '../api/types/protected-timestamps';

/** `meta` → the holder's id ('1230…'), or null when it is not decimal digits. */
export function decodeMeta(meta: unknown): string | null {
  const text = Buffer.isBuffer(meta) ? meta.toString('utf8') : typeof meta === 'string' ? meta : null;
  return text !== null && /^\d{1,19}$/.test(text) ? text : null;
}

/** '1700000000123456789.0000000000' → 1700000000123 (ms; the logical part orders ties only). */
export function hlcToMs(ts: unknown): number | null {
  const m = /^(\d{1,20})(?:\.\d+)?$/.exec(String(ts ?? '').trim());
  return m ? Number(BigInt(m[1]) / 1_000_000n) : null;
}

class Reader {
  i = 0;
  constructor(readonly b: Uint8Array) {}
  get done() {
    return this.i >= this.b.length;
  }
  varint(): bigint {
    let out = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.i >= this.b.length) throw new Error('truncated varint');
      const byte = this.b[this.i++];
      out |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return out;
    }
    throw new Error('varint too long');
  }
  bytes(): Uint8Array {
    const n = Number(this.varint());
    if (this.i + n > this.b.length) throw new Error('truncated field');
    const out = this.b.subarray(this.i, this.i + n);
    this.i += n;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.i += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.i += 4;
    else throw new Error(`wire type ${wire}`);
  }
}

/** Repeated varint field `num` of a message, packed or not. */
function repeatedVarints(msg: Uint8Array, num: number): bigint[] {
  const r = new Reader(msg);
  const out: bigint[] = [];
  while (!r.done) {
    const key = Number(r.varint());
    const [n, wire] = [key >>> 3, key & 7];
    if (n === num && wire === 0) out.push(r.varint());
    else if (n === num && wire === 2) {
      const packed = new Reader(r.bytes());
      while (!packed.done) out.push(packed.varint());
    } else r.skip(wire);
  }
  return out;
}

/**
 * Target{oneof union: schema_objects = 1 (SchemaObjectsTarget{repeated uint32 ids = 1}), tenants = 2
 * (TenantsTarget{repeated roachpb.TenantID ids = 1}, TenantID{uint64 id = 1}), cluster = 3 (ClusterTarget{})}.
 */
export function decodeTarget(target: unknown): PtsTarget {
  const bytes = Buffer.isBuffer(target) ? new Uint8Array(target) : target instanceof Uint8Array ? target : null;
  if (!bytes || bytes.length === 0) return { kind: 'unknown', text: 'not recorded (spans of a pre-22.1 record)' };
  try {
    const r = new Reader(bytes);
    while (!r.done) {
      const key = Number(r.varint());
      const [n, wire] = [key >>> 3, key & 7];
      if (wire === 2 && (n === 1 || n === 2 || n === 3)) {
        const body = r.bytes();
        if (n === 3) return { kind: 'cluster', text: 'the whole cluster' };
        if (n === 1) {
          const ids = repeatedVarints(body, 1).map(Number);
          return { kind: 'schema_objects', ids, text: `descriptor${ids.length === 1 ? '' : 's'} ${ids.join(', ')} (databases or tables)` };
        }
        const tr = new Reader(body);
        const ids: string[] = [];
        while (!tr.done) {
          const k = Number(tr.varint());
          if (k >>> 3 === 1 && (k & 7) === 2) ids.push(...repeatedVarints(tr.bytes(), 1).map(String));
          else tr.skip(k & 7);
        }
        return { kind: 'tenants', ids, text: `tenant${ids.length === 1 ? '' : 's'} ${ids.join(', ')}` };
      }
      r.skip(wire);
    }
  } catch {
    // fall through
  }
  return { kind: 'unknown', text: 'not decodable' };
}
