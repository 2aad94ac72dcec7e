/**
 * The node's own id and addresses from the `node_id{advertise_addr=…,http_addr=…,sql_addr=…} N`
 * family every CockroachDB node exports (seen from v19.2 on; 23.x+ also puts `node_id="N"` in
 * its labels). The exposition parser extracts it on every parse; this is the shortcut for
 * callers that want nothing else (keep() rejects every family, so the scan allocates ~nothing).
 */
import { parseExposition } from './parse';
import type { NodeIdentity } from './types';

export type { NodeIdentity } from './types';

const KEEP_NOTHING = { keep: () => false };

export function readNodeIdentity(exposition: string): NodeIdentity | null {
  return parseExposition(exposition, KEEP_NOTHING).nodeIdentity;
}
