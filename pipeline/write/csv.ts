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

/** A field as csv-stringify writes it with these options: quoted, its quotes doubled, when it holds a quote, a comma or a line break. */
function csvField(cell: string): string {
  return needsQuotes.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
const needsQuotes = /[",\r\n]/;

/**
 * Rows as CSV lines; rows written a part at a time give the same text as all at once. The lines
 * are those csv-stringify writes (a test compares them on every kind of text), made directly: a
 * build writes millions of rows in its workers, and the library's general path was a tenth of their time.
 */
export function csvRows(table: TableSpec, rows: readonly Record<string, unknown>[]): string {
  return csvLines(table, rows).text;
}

/** csvRows, and the UTF-8 bytes its longest line may take (three a UTF-16 unit, at most): DuckDB reads lines up to a size it is told. */
export function csvLines(table: TableSpec, rows: readonly Record<string, unknown>[]): { text: string; longestLineBytes: number } {
  const columns = columnsOf(table);
  let text = '';
  let longest = 0;
  for (const row of rows) {
    const line = cells(columns, row).map(csvField).join(',') + '\r\n';
    if (line.length > longest) longest = line.length;
    text += line;
  }
  return { text, longestLineBytes: 3 * longest };
}

/** The CSV text in pieces: the BOM and header first, then the rows a chunk at a time. */
function* csvChunks(table: TableSpec, rows: readonly Record<string, unknown>[]): Generator<string> {
  yield csvHeader(table);
  for (let i = 0; i < rows.length; i += rowsPerChunk) yield csvRows(table, rows.slice(i, i + rowsPerChunk));
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
