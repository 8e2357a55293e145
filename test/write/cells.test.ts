import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { csvRows, tableToCsv } from '../../pipeline/write/csv.ts';
import { plainNumber, safeTextCell, textOfCell } from '../../pipeline/write/cells.ts';
import { ingestErrors } from '../../schemas/index.ts';

describe('CSV cells', () => {
  it.each([
    [7300000, '7300000'],
    [0.031, '0.031'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-12.5, '-12.5'],
  ])('writes %s as %s, never in exponent form', (n, s) => expect(plainNumber(n)).toBe(s));

  it.each([
    [1e-21, '0.000000000000000000001'],
    [-1e-21, '-0.000000000000000000001'],
    [1.2345e-30, '0.0000000000000000000000000000012345'],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [1.7976931348623157e308, `17976931348623157${'0'.repeat(292)}`],
    [-2.5e22, '-25000000000000000000000'],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('writes %s as %s: the shortest digits that read back as the same double', (n, s) => {
    expect(plainNumber(n)).toBe(s);
    expect(Number(plainNumber(n))).toBe(n);
  });

  it('any finite double reads back as itself', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const cell = plainNumber(n);
        expect(cell).not.toMatch(/e/i);
        expect(Number(cell)).toBe(n === 0 ? 0 : n);
      }),
      { seed: 13, numRuns: 2000 },
    );
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1 555', "'+1 555"],
    ['-cmd', "'-cmd"],
    ['@x', "'@x"],
    ['Revenue', 'Revenue'],
    ["'=x", "''=x"],
    ["''-x", "'''-x"],
    ["'quoted", "'quoted"],
  ])('escapes formula-like text %s', (raw, cell) => {
    expect(safeTextCell(raw)).toBe(cell);
    expect(textOfCell(cell)).toBe(raw);
  });

  it('takes the guard off exactly: every text read back from its cell is the text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^['=+\-@\t\rab]{0,6}$/), (text) => {
        expect(textOfCell(safeTextCell(text))).toBe(text);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and ends rows with CRLF', () => {
    const csv = tableToCsv(ingestErrors, [
      { source_path: 'a,b.txt', problem: 'x', severity: 'error', message: 'said "hi"\nthen', action: 'skipped', doc_id: null },
    ]);
    expect(csv).toBe('\uFEFFsource_path,problem,severity,message,action,doc_id\r\n"a,b.txt",x,error,"said ""hi""\nthen",skipped,\r\n');
  });

  it('writes every row as csv-stringify writes it', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', "'", '=', '-', '陳', '\u2028', '\t', ';') , maxLength: 12 });
    const row = fc.record({ source_path: text, problem: text, severity: text, message: text, action: text, doc_id: fc.option(text) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const cells = rows.map((r) => [r.source_path, r.problem, r.severity, r.message, r.action, r.doc_id].map((v) => (v === null || v === '' && v === r.doc_id ? '' : safeTextCell(v))));
        expect(csvRows(ingestErrors, rows)).toBe(rows.length ? stringify(cells, { record_delimiter: 'windows', quoted_match: /[",\r\n]/ }) : '');
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});
