/**
 * The node's own id and addresses from the `node_id{advertise_addr=…,http_addr=…,sql_addr=…} N`
 * family every CockroachDB node exports (seen from v19.2 on). Only that line is read.
 */
export interface NodeIdentity {
  node_id: number;
  labels: Record<string, string>;
}

const LINE = /^node_id\{([^}]*)\}\s+([0-9.eE+-]+)\s*$/m;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function readNodeIdentity(exposition: string): NodeIdentity | null {
  const m = LINE.exec(exposition);
  if (!m) return null;
  const id = Number(m[2]);
  if (!Number.isInteger(id) || id <= 0) return null;
  const labels: Record<string, string> = {};
  for (const l of m[1].matchAll(LABEL)) labels[l[1]] = l[2].replace(/\\(.)/g, '$1');
  return { node_id: id, labels };
}
