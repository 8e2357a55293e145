import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../pipeline/write/csv.ts';
import { plainNumber, safeTextCell } from '../../pipeline/write/cells.ts';
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
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1 555', "'+1 555"],
    ['-cmd', "'-cmd"],
    ['@x', "'@x"],
    ['Revenue', 'Revenue'],
  ])('escapes formula-like text %s', (raw, cell) => expect(safeTextCell(raw)).toBe(cell));

  it('quotes commas, quotes and line breaks (RFC 4180) and ends rows with CRLF', () => {
    const csv = tableToCsv(ingestErrors, [
      { source_path: 'a,b.txt', problem: 'x', severity: 'error', message: 'said "hi"\nthen', action: 'skipped', doc_id: null },
    ]);
    expect(csv).toBe('\uFEFFsource_path,problem,severity,message,action,doc_id\r\n"a,b.txt",x,error,"said ""hi""\nthen",skipped,\r\n');
  });
});
