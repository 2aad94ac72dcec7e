// `npm run auth:hash -- 'the password'`: prints the bcrypt hash for AUTH_USERS_FILE as its last line.
// With no argument the password is read from standard input (so it stays out of the shell history).
import { readFileSync } from 'node:fs';
import { hashPassword } from '../lib/auth/users';

const fromArgs = process.argv[2];
const password = fromArgs ?? readFileSync(0, 'utf8').replace(/\r?\n$/, '');
if (password.length < 8) {
  console.error('a password of at least 8 characters, please: npm run auth:hash -- "the password"');
  process.exit(2);
}
console.error('bcrypt hash for AUTH_USERS_FILE ([{"user": "alice", "role": "operator", "hash": "<this>"}]):');
void hashPassword(password).then((h) => console.log(h));
