/** Postgres wire-protocol (v3) message encoding/decoding: just what the connection needs. */

const enc = new TextEncoder();
const dec = new TextDecoder();

export const OID = { int8: 20, text: 25, bool: 16, float8: 701, timestamptz: 1184, jsonb: 3802 } as const;

/** Builds one backend/frontend message: type byte, int32 length, body. */
export function msg(type: string, ...parts: Uint8Array[]): Uint8Array {
  const len = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(5 + len);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + len);
  let o = 5;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const cstr = (s: string): Uint8Array => {
  const e = enc.encode(s);
  const b = new Uint8Array(e.length + 1);
  b.set(e);
  return b;
};
export const i16 = (n: number): Uint8Array => {
  const b = new Uint8Array(2);
  new DataView(b.buffer).setInt16(0, n);
  return b;
};
export const i32 = (n: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n);
  return b;
};
export const byte = (c: string): Uint8Array => Uint8Array.of(c.charCodeAt(0));

export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const readyForQuery = (status: 'I' | 'T' | 'E') => msg('Z', byte(status));
export const commandComplete = (tag: string) => msg('C', cstr(tag));
export const parseComplete = () => msg('1');
export const bindComplete = () => msg('2');
export const closeComplete = () => msg('3');
export const noData = () => msg('n');
export const emptyQuery = () => msg('I');
export const parameterStatus = (k: string, v: string) => msg('S', cstr(k), cstr(v));
export const backendKeyData = (pid: number, secret: number) => msg('K', i32(pid), i32(secret));
export const authOk = () => msg('R', i32(0));

export function errorResponse(code: string, message: string, severity = 'ERROR', hint?: string): Uint8Array {
  const h = hint === undefined ? [] : [byte('H'), cstr(hint)];
  return msg('E', byte('S'), cstr(severity), byte('V'), cstr(severity), byte('C'), cstr(code), byte('M'), cstr(message), ...h, Uint8Array.of(0));
}

/** RowDescription for text-typed columns (the only kind of rows the connection makes itself). */
export function rowDescription(names: string[]): Uint8Array {
  const fields = names.map((n) => concat([cstr(n), i32(0), i16(0), i32(OID.text), i16(-1), i32(-1), i16(0)]));
  return msg('T', i16(names.length), ...fields);
}

export function dataRow(values: (string | null)[]): Uint8Array {
  const cols = values.map((v) => {
    if (v === null) return i32(-1);
    const b = enc.encode(v);
    return concat([i32(b.length), b]);
  });
  return msg('D', i16(values.length), ...cols);
}

export function parameterDescription(oids: number[]): Uint8Array {
  return msg('t', i16(oids.length), ...oids.map(i32));
}

/** Splits a buffer of complete backend messages. */
export function* messages(buf: Uint8Array): Generator<{ type: string; body: Uint8Array; raw: Uint8Array }> {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let p = 0;
  while (p + 5 <= buf.length) {
    const len = dv.getInt32(p + 1);
    yield { type: String.fromCharCode(buf[p]), body: buf.subarray(p + 5, p + 1 + len), raw: buf.subarray(p, p + 1 + len) };
    p += 1 + len;
  }
}

/** Sequential reader over a message body. */
export class Reader {
  private o = 0;
  private readonly dv: DataView;
  constructor(private readonly b: Uint8Array) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  byte(): string {
    return String.fromCharCode(this.b[this.o++]);
  }
  int16(): number {
    const v = this.dv.getInt16(this.o);
    this.o += 2;
    return v;
  }
  int32(): number {
    const v = this.dv.getInt32(this.o);
    this.o += 4;
    return v;
  }
  cstring(): string {
    const end = this.b.indexOf(0, this.o);
    const s = dec.decode(this.b.subarray(this.o, end));
    this.o = end + 1;
    return s;
  }
  bytes(n: number): Uint8Array {
    const v = this.b.subarray(this.o, this.o + n);
    this.o += n;
    return v;
  }
  rest(): Uint8Array {
    return this.b.subarray(this.o);
  }
}

export const decode = (b: Uint8Array): string => dec.decode(b);
export const encode = (s: string): Uint8Array => enc.encode(s);

/** Fields of an ErrorResponse body (code → value). */
export function errorFields(body: Uint8Array): Record<string, string> {
  const r = new Reader(body);
  const out: Record<string, string> = {};
  for (let k = r.byte(); k !== '\0'; k = r.byte()) out[k] = r.cstring();
  return out;
}

export interface Bind {
  portal: string;
  statement: string;
  paramFormats: number[];
  params: (Uint8Array | null)[];
  resultFormats: number[];
}

export function parseBind(body: Uint8Array): Bind {
  const r = new Reader(body);
  const portal = r.cstring();
  const statement = r.cstring();
  const paramFormats = Array.from({ length: r.int16() }, () => r.int16());
  const params = Array.from({ length: r.int16() }, () => {
    const n = r.int32();
    return n < 0 ? null : r.bytes(n);
  });
  const resultFormats = Array.from({ length: r.int16() }, () => r.int16());
  return { portal, statement, paramFormats, params, resultFormats };
}

export function buildBind(b: Bind): Uint8Array {
  return msg(
    'B', cstr(b.portal), cstr(b.statement), i16(b.paramFormats.length), ...b.paramFormats.map(i16),
    i16(b.params.length), ...b.params.map((p) => (p === null ? i32(-1) : concat([i32(p.length), p]))),
    i16(b.resultFormats.length), ...b.resultFormats.map(i16),
  );
}

/** Parameter value as text, decoding binary int2/4/8 (drivers that send ids in binary). */
export function paramText(b: Bind, i: number): string | null {
  const v = b.params[i];
  if (v === null || v === undefined) return null;
  const fmt = b.paramFormats.length === 1 ? b.paramFormats[0] : (b.paramFormats[i] ?? 0);
  if (fmt === 0) return decode(v);
  const dv = new DataView(v.buffer, v.byteOffset, v.byteLength);
  if (v.length === 8) return dv.getBigInt64(0).toString();
  if (v.length === 4) return String(dv.getInt32(0));
  if (v.length === 2) return String(dv.getInt16(0));
  return decode(v);
}
