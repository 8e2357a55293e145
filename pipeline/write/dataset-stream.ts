import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { RecordBatchFileWriter } from 'apache-arrow';
import { closeSync, createWriteStream, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { TableSpec } from '../../schemas/columns.ts';
import { arrowBatch, rowsPerBatch } from './arrow.ts';
import { csvHeader, csvRows } from './csv.ts';
import { appendTo, tableDdl } from './duckdb.ts';
import { createViews } from './views.ts';

/**
 * One table's CSV, Arrow and DuckDB rows written as they come, a document at a time, so the
 * corpus is never in memory at once. The files are byte for byte those writeCsv and writeArrow
 * make of all the rows together: CSV lines are independent, and Arrow record batches are cut
 * every rowsPerBatch rows from the first, as tableToArrow cuts them.
 */
class TableStream {
  rows = 0;
  private readonly csv: number;
  private readonly arrow = new RecordBatchFileWriter();
  private readonly arrowWritten: Promise<void>;
  private pending: Record<string, unknown>[] = [];
  private batches = 0;

  constructor(
    dir: string,
    readonly table: TableSpec,
    private readonly appender: DuckDBAppender,
  ) {
    this.csv = openSync(path.join(dir, 'csv', `${table.name}.csv`), 'w');
    writeSync(this.csv, csvHeader(table), null, 'utf8');
    this.arrowWritten = pipeline(this.arrow.toNodeStream({ objectMode: false }), createWriteStream(path.join(dir, 'arrow', `${table.name}.arrow`)));
    // a failure surfaces in close(); after abandon() nobody waits for it
    this.arrowWritten.catch(() => undefined);
  }

  abandon(): void {
    try {
      this.arrow.close();
    } catch {
      // already closed
    }
    try {
      closeSync(this.csv);
    } catch {
      // already closed
    }
  }

  add(rows: readonly Record<string, unknown>[]): void {
    if (rows.length === 0) return;
    writeSync(this.csv, csvRows(this.table, rows), null, 'utf8');
    appendTo(this.appender, this.table, rows);
    for (const row of rows) this.pending.push(row);
    this.rows += rows.length;
    // a full batch is written only once a row beyond it comes: a table of exactly one batch is that batch alone
    while (this.pending.length > rowsPerBatch) this.writeBatch(this.pending.splice(0, rowsPerBatch));
  }

  private writeBatch(rows: readonly Record<string, unknown>[]): void {
    for (const batch of arrowBatch(this.table, rows).batches) this.arrow.write(batch);
    this.batches++;
  }

  async close(): Promise<void> {
    // tableToArrow writes an empty table as one empty batch
    if (this.pending.length > 0 || this.batches === 0) this.writeBatch(this.pending);
    this.pending = [];
    this.arrow.finish();
    await this.arrowWritten;
    closeSync(this.csv);
    this.appender.flushSync();
    this.appender.closeSync();
  }
}

/** Every table of the dataset open for rows at once: CSV and Arrow files and one DuckDB file with its appenders. */
export class DatasetStream {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly streams: Map<string, TableStream>,
  ) {}

  /** `dir` holds csv/ and arrow/ already (startDataset). */
  static async open(dir: string, tables: readonly TableSpec[]): Promise<DatasetStream> {
    const instance = await DuckDBInstance.create(path.join(dir, 'hashkpi.duckdb'));
    const connection = await instance.connect();
    const streams = new Map<string, TableStream>();
    try {
      for (const table of tables) {
        for (const statement of tableDdl(table)) await connection.run(statement);
        streams.set(table.name, new TableStream(dir, table, await connection.createAppender(table.name)));
      }
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
    return new DatasetStream(instance, connection, streams);
  }

  add(table: string, rows: readonly Record<string, unknown>[]): void {
    const stream = this.streams.get(table);
    if (!stream) throw new Error(`dataset: no table ${table} is open; expected one of ${[...this.streams.keys()].join(', ')}`);
    stream.add(rows);
  }

  /** Rows written so far, by table. */
  counts(): { table: TableSpec; rows: number }[] {
    return [...this.streams.values()].map(({ table, rows }) => ({ table, rows }));
  }

  /** After a failure: the DuckDB file closed so the staging folder can go; the files are left as they are. */
  abandon(): void {
    for (const stream of this.streams.values()) stream.abandon();
    try {
      this.connection.closeSync();
      this.instance.closeSync();
    } catch {
      // already closed
    }
  }

  /** Closes every file, then makes the views and checkpoints the DuckDB file. */
  async close(): Promise<void> {
    try {
      for (const stream of this.streams.values()) await stream.close();
      await createViews(this.connection);
      await this.connection.run('CHECKPOINT');
    } finally {
      this.connection.closeSync();
      this.instance.closeSync();
    }
  }
}
