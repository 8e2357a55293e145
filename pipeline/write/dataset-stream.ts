import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { columnsOf, type ColumnKind, type TableSpec } from '../../schemas/columns.ts';
import { EncodedArrowFileWriter } from './arrow.ts';
import { textOfCellSql } from './cells.ts';
import { csvHeader } from './csv.ts';
import { tableDdl } from './duckdb.ts';
import type { EncodedRows } from './encoded-document.ts';
import { createViews } from './views.ts';

/**
 * One table's CSV and Arrow files written as documents come, from the bytes their worker (or the
 * cache) made of their rows: the CSV lines and the Arrow record batches are copied as they are,
 * so the corpus is never in memory and the same documents make the same bytes whatever worker,
 * order of finishing or cache they came through.
 */
class TableStream {
  rows = 0;
  private readonly csv: number;
  private readonly arrowFile: number;
  private readonly arrow: EncodedArrowFileWriter;

  constructor(
    private readonly dir: string,
    readonly table: TableSpec,
  ) {
    this.csv = openSync(this.csvPath, 'w');
    writeSync(this.csv, csvHeader(table), null, 'utf8');
    this.arrowFile = openSync(path.join(dir, 'arrow', `${table.name}.arrow`), 'w');
    this.arrow = new EncodedArrowFileWriter(table, this.arrowFile);
  }

  get csvPath(): string {
    return path.join(this.dir, 'csv', `${this.table.name}.csv`);
  }

  add(encoded: EncodedRows): void {
    if (encoded.rows === 0) return;
    writeAll(this.csv, encoded.csv);
    this.arrow.writeEncoded(encoded.arrow);
    this.rows += encoded.rows;
  }

  close(): void {
    this.arrow.finish();
    closeSync(this.arrowFile);
    closeSync(this.csv);
  }

  abandon(): void {
    for (const fd of [this.csv, this.arrowFile]) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * Every table of the dataset open for rows at once, as CSV and Arrow files; on close, one DuckDB
 * file loaded from the CSV files by DuckDB's own reader (all cores, none of the rows in this
 * process), then its views.
 */
export class DatasetStream {
  private constructor(
    private readonly dir: string,
    private readonly streams: Map<string, TableStream>,
  ) {}

  /** `dir` holds csv/ and arrow/ already (startDataset). */
  static open(dir: string, tables: readonly TableSpec[]): DatasetStream {
    const streams = new Map<string, TableStream>();
    try {
      for (const table of tables) streams.set(table.name, new TableStream(dir, table));
    } catch (error) {
      for (const stream of streams.values()) stream.abandon();
      throw error;
    }
    return new DatasetStream(dir, streams);
  }

  add(encoded: EncodedRows): void {
    const stream = this.streams.get(encoded.table);
    if (!stream) throw new Error(`dataset: no table ${encoded.table} is open; expected one of ${[...this.streams.keys()].join(', ')}`);
    stream.add(encoded);
  }

  /** Rows written so far, by table. */
  counts(): { table: TableSpec; rows: number }[] {
    return [...this.streams.values()].map(({ table, rows }) => ({ table, rows }));
  }

  /** After a failure: the files closed so the staging folder can go; they are left as they are. */
  abandon(): void {
    for (const stream of this.streams.values()) stream.abandon();
  }

  /** Closes every file, then writes hashkpi.duckdb from them. */
  async close(): Promise<void> {
    for (const stream of this.streams.values()) stream.close();
    await loadDuckDb(
      path.join(this.dir, 'hashkpi.duckdb'),
      [...this.streams.values()].map((s) => ({ table: s.table, csv: s.csvPath })),
    );
  }
}

const sqlTypes: Record<ColumnKind, string> = { string: 'VARCHAR', integer: 'INTEGER', double: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE' };
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The SELECT that reads a table's CSV file back as the values the table holds: the CSV's column
 * types declared (nothing sniffed), an empty cell NULL, except '' in a column that is never null,
 * and a text cell's formula guard taken off (textOfCell).
 */
export function readCsvSql(table: TableSpec, csvFile: string): string {
  const columns = columnsOf(table);
  const declared = `{${columns.map((c) => `${quoteText(c.name)}: '${sqlTypes[c.kind]}'`).join(', ')}}`;
  const values = columns.map((c) => {
    const name = quoteIdent(c.name);
    if (c.kind !== 'string') return name;
    return c.nullable ? textOfCellSql(name) : `coalesce(${textOfCellSql(name)}, '')`;
  });
  const options = [
    'header = true',
    'auto_detect = false',
    `columns = ${declared}`,
    `delim = ','`,
    `quote = '"'`,
    `escape = '"'`,
    `new_line = '\\r\\n'`,
    `nullstr = ''`,
    `encoding = 'utf-8'`,
    // a paragraph may be long; DuckDB's default refuses a line over 2 MB
    'max_line_size = 268435456',
  ];
  return `SELECT ${values.join(', ')} FROM read_csv(${quoteText(csvFile)}, ${options.join(', ')})`;
}

/** hashkpi.duckdb: every table made from its schema and filled from its CSV file, then the views, checkpointed. */
export async function loadDuckDb(file: string, tables: readonly { table: TableSpec; csv: string }[]): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    for (const { table, csv } of tables) await loadTable(connection, table, csv);
    await createViews(connection);
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function loadTable(connection: DuckDBConnection, table: TableSpec, csv: string): Promise<void> {
  for (const statement of tableDdl(table)) await connection.run(statement);
  await connection.run(`INSERT INTO ${quoteIdent(table.name)} ${readCsvSql(table, csv)}`);
}
