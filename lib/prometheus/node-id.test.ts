import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readNodeIdentity } from './node-id';

const capture = readFileSync(fileURLToPath(new URL('./fixtures/cockroach-v19.2.2-full.prom', import.meta.url)), 'utf8');

describe('readNodeIdentity', () => {
  it('reads the real v19.2.2 line', () => {
    expect(readNodeIdentity(capture)).toEqual({
      node_id: 1,
      labels: { advertise_addr: 'roach1:26257', http_addr: 'roach1:8080', sql_addr: 'roach1:26257' },
    });
  });

  it.each([
    ['23.x shape with node_id label', '# TYPE a gauge\na{node_id="2"} 1\n# TYPE node_id gauge\nnode_id{node_id="2",advertise_addr="n2:26257",http_addr="n2:8080",sql_addr="n2:26257"} 2\n', 2],
    ['CRLF, no final newline', '# TYPE node_id gauge\r\nnode_id{http_addr="h:8080"} 7', 7],
    ['escaped label value', '# TYPE node_id gauge\nnode_id{http_addr="a\\"b"} 3\n', 3],
  ])('%s', (_, text, id) => {
    expect(readNodeIdentity(text)?.node_id).toBe(id);
  });

  it.each([
    ['absent', '# TYPE a gauge\na 1\n'],
    ['not exposition', '<html>node_id{http_addr="x"} 1</html>'],
    ['zero', '# TYPE node_id gauge\nnode_id{http_addr="x"} 0\n'],
    ['fractional', '# TYPE node_id gauge\nnode_id{http_addr="x"} 1.5\n'],
  ])('%s → null', (_, text) => {
    expect(readNodeIdentity(text)).toBeNull();
  });
});
