/**
 * Bearer tokens for scripts and Prometheus (AUTH_TOKENS_FILE): `[{"name": "prometheus", "role":
 * "viewer", "hash": "sha256:…"}]`, made by `npm run auth:token -- <name> <role>`. A token is 32 random
 * bytes, so a plain SHA-256 of it is enough to store (as GitHub stores its tokens), and it keeps a
 * Prometheus scrape cheap where a password hash would cost tens of milliseconds on every request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { readJsonFile } from './json-file';

const TokensFile = z.array(
  z.object({
    name: z.string().trim().min(1).max(64),
    role: z.enum(ROLES),
    hash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:<64 hex digits>" from `npm run auth:token`'),
  }),
);

export const TOKEN_PREFIX = 'cbm_';

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function newToken(): { token: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: `sha256:${digest(token).toString('hex')}` };
}

export function readTokens(file: string): z.infer<typeof TokensFile> {
  return readJsonFile('AUTH_TOKENS_FILE', file, TokensFile);
}

/** The token's name and role, or null when no entry's hash matches. */
export function verifyToken(file: string, token: string): { name: string; role: Role } | null {
  const d = digest(token);
  for (const t of readTokens(file)) {
    if (timingSafeEqual(d, Buffer.from(t.hash.slice('sha256:'.length), 'hex'))) return { name: t.name, role: t.role };
  }
  return null;
}
