import { stringify } from 'csv-stringify/sync';
import { writeFile } from 'node:fs/promises';
import { columnsOf, type TableSpec } from '../../schemas/columns.ts';
import { plainNumber, safeTextCell } from './cells.ts';

/**
 * RFC 4180 CSV, UTF-8 with a BOM so a spreadsheet shows Chinese, CRLF row ends, plain numbers,
 * formula-like text escaped. Nulls are empty cells.
 */
export function tableToCsv(table: TableSpec, rows: readonly Record<string, unknown>[]): string {
  const columns = columnsOf(table);
  const records = rows.map((row) =>
    columns.map(({ name, kind }) => {
      const v = row[name];
      if (v === null || v === undefined) return '';
      if (kind === 'string') return safeTextCell(String(v));
      if (kind === 'boolean') return v ? 'true' : 'false';
      return plainNumber(v as number);
    }),
  );
  return '\uFEFF' + stringify([columns.map((c) => c.name), ...records], { record_delimiter: 'windows', quoted_match: /[",\r\n]/ });
}

export async function writeCsv(file: string, table: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
  await writeFile(file, tableToCsv(table, rows), 'utf8');
}
