import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, jobsCsv } from './csv';
import type { JobRow } from './job-row';

describe('csvField: cells a spreadsheet would run as formulas are neutralised (OWASP CSV Injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+SUM(1+1)', `"'+SUM(1+1)"`],
    ['-SUM(1+1)', `"'-SUM(1+1)"`],
    ['@SUM(1+1)', `"'@SUM(1+1)"`],
    ["-1+cmd|' /C calc'!A0", `"'-1+cmd|' /C calc'!A0"`], // starts with a digit after the sign: still a formula
    ['-2+3', `"'-2+3"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['＝1+1', `"'＝1+1"`], // full-width equals sign
    ['=', `"'="`],
  ])('%j → %s', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it.each([
    ['-1', '-1'],
    ['-0.5', '-0.5'],
    ['1e-3', '1e-3'],
    [-2, '-2'],
    [0.42, '0.42'],
    ['BACKUP DATABASE movr INTO \'s3://b\'', "BACKUP DATABASE movr INTO 's3://b'"],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['a=b', 'a=b'], // only the start of a cell matters
    [null, ''],
    [undefined, ''],
  ])('%j stays data: %s', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it('a list (execution_errors) is one cell, neutralised as a whole', () => {
    expect(csvField(['=1+1', 'second'])).toBe(`"'=1+1\nsecond"`);
  });
});

describe('jobsCsv', () => {
  it('writes a hostile job as data in every column', () => {
    const job = Object.fromEntries(CSV_COLUMNS.map((c) => [c, null])) as unknown as JobRow;
    const row = { ...job, job_id: '1', description: '=HYPERLINK("http://evil.example")', error: '@SUM(A1)', fraction_completed: 0.5 };
    const lines = jobsCsv([row]).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(`1,,"'=HYPERLINK(""http://evil.example"")",,,,,,,,0.5,"'@SUM(A1)",,`);
  });
});
