import { describe, expect, it } from 'vitest';
import { MAX_TEXTS, OTHER, StatementCounts } from './statement-counts';

describe('StatementCounts', () => {
  it('counts statements by text, whitespace collapsed; a string matches as a prefix, any case', () => {
    const s = new StatementCounts();
    s.add('SHOW BACKUPS IN $1');
    s.add('  show backups   in $1\n');
    s.add('SHOW BACKUP FROM $1 IN $2');
    expect(s.count('SHOW BACKUPS IN')).toBe(2);
    expect(s.count('show backup ')).toBe(1);
    expect(s.count(/^SHOW BACKUPS? /i)).toBe(3);
    expect(s.count('SELECT')).toBe(0);
  });

  it('is bounded: texts past the bound count together', () => {
    const s = new StatementCounts();
    for (let i = 0; i < MAX_TEXTS + 5; i++) s.add(`SELECT ${i}`);
    s.add('SELECT 0');
    expect(s.count(OTHER)).toBe(5);
    expect(s.count('SELECT 0')).toBe(2);
  });
});
