/**
 * A small JSON file of the access configuration (users, tokens), validated with zod and re-read when
 * it changes on disk, so adding a user or revoking a token needs no restart. A file that is missing
 * or invalid is an error naming the variable: start-up reports it (instrumentation.ts), and a request
 * meanwhile is refused, never let through.
 */
import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError } from '../config';

const cache = new Map<string, { mtimeMs: number; size: number; value: unknown }>();

export function readJsonFile<T>(variable: string, file: string, schema: z.ZodType<T>): T {
  let st;
  try {
    st = statSync(file);
  } catch (err) {
    throw new ConfigError(`${variable}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.value as T;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${variable}: ${file} is not JSON: ${(err as Error).message}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw new ConfigError(`${variable}: ${file}: ${r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, value: r.data });
  return r.data;
}
