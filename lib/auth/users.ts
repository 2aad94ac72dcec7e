/**
 * AUTH_MODE=basic: the users file (AUTH_USERS_FILE), `[{"user": "alice", "role": "operator", "hash":
 * "$2b$12$…"}]`, hashes from `npm run auth:hash` (bcrypt, bcryptjs). The file holds no password.
 */
import { compare, hash } from 'bcryptjs';
import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { readJsonFile } from './json-file';

const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;
export const BCRYPT_COST = 12;

const UsersFile = z
  .array(
    z.object({
      user: z.string().trim().min(1).max(64).regex(/^[^\s:]+$/, 'a user name has no blanks or colons'),
      role: z.enum(ROLES),
      hash: z.string().regex(BCRYPT, 'must be a bcrypt hash from `npm run auth:hash`'),
    }),
  )
  .refine((users) => new Set(users.map((u) => u.user)).size === users.length, 'a user is listed twice');

export type UserEntry = z.infer<typeof UsersFile>[number];

export function loadUsers(file: string): UserEntry[] {
  return readJsonFile('AUTH_USERS_FILE', file, UsersFile);
}

// Compared against when the user is unknown, so that a wrong name takes as long as a wrong password.
let dummy: Promise<string> | undefined;

/** The user's role when the password matches its hash; null otherwise. */
export async function verifyPassword(file: string, user: string, password: string): Promise<Role | null> {
  const entry = loadUsers(file).find((u) => u.user === user);
  if (!entry) {
    dummy ??= hash('not a password', BCRYPT_COST);
    await compare(password, await dummy);
    return null;
  }
  return (await compare(password, entry.hash)) ? entry.role : null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, BCRYPT_COST);
}
