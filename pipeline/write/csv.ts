import { stringify } from 'csv-stringify/sync';
import { closeSync, openSync, writeSync } from 'node:fs';
import { columnsOf, type ColumnSpec, type TableSpec } from '../../schemas/columns.ts';
import { plainNumber, safeTextCell, storedValue } from './cells.ts';

/** Rows are turned into text this many at a time, so a large table never becomes one huge string. */
const rowsPerChunk = 20_000;
const options = { record_delimiter: 'windows', quoted_match: /[",\r\n]/ } as const;

function cells(columns: ColumnSpec[], row: Record<string, unknown>): string[] {
  return columns.map((column) => {
    const v = storedValue(column, row[column.name]);
    const { kind } = column;
    if (v === null) return '';
    if (kind === 'string') return safeTextCell(String(v));
    if (kind === 'date') return String(v);
    if (kind === 'boolean') return v ? 'true' : 'false';
    return plainNumber(v as number);
  });
}

/** The BOM and the header line of a table's CSV. */
export function csvHeader(table: TableSpec): string {
  return '\uFEFF' + stringify([columnsOf(table).map((c) => c.name)], options);
}

/** Rows as CSV lines; rows written a part at a time give the same text as all at once. */
export function csvRows(table: TableSpec, rows: readonly Record<string, unknown>[]): string {
  const columns = columnsOf(table);
  return rows.length ? stringify(rows.map((row) => cells(columns, row)), options) : '';
}

/** The CSV text in pieces: the BOM and header first, then the rows a chunk at a time. */
function* csvChunks(table: TableSpec, rows: readonly Record<string, unknown>[]): Generator<string> {
  const columns = columnsOf(table);
  yield '\uFEFF' + stringify([columns.map((c) => c.name)], options);
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    yield stringify(rows.slice(i, i + rowsPerChunk).map((row) => cells(columns, row)), options);
  }
}

/**
 * RFC 4180 CSV, UTF-8 with a BOM so a spreadsheet shows Chinese, CRLF row ends, plain numbers,
 * formula-like text escaped, dates ISO yyyy-mm-dd. Nulls are empty cells.
 */
export function tableToCsv(table: TableSpec, rows: readonly Record<string, unknown>[]): string {
  return [...csvChunks(table, rows)].join('');
}

export async function writeCsv(file: string, table: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
  const fd = openSync(file, 'w');
  try {
    for (const chunk of csvChunks(table, rows)) writeSync(fd, chunk, null, 'utf8');
  } finally {
    closeSync(fd);
  }
}
