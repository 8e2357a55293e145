import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { columnsOf, type TableSpec } from '../../schemas/columns.ts';
import { documentTables } from '../../schemas/tables.ts';
import { EncodedArrowFileWriter } from './arrow.ts';
import { textOfCellSql } from './cells.ts';
import { csvHeader } from './csv.ts';
import { quoteIdent, quoteText, sqlTypes, tableDdl } from './duckdb.ts';
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
  /** at least the bytes of the longest CSV line written, and of the longest new to DuckDB */
  longestLine = 0;
  longestDeltaLine = 0;
  private readonly csv: number;
  private readonly arrowFile: number;
  private readonly arrow: EncodedArrowFileWriter;
  /** the CSV lines of the documents the previous hashkpi.duckdb does not hold (an incremental build), opened on the first */
  private delta: number | null = null;

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

  get deltaPath(): string {
    return path.join(this.dir, deltaFolder, `${this.table.name}.csv`);
  }

  get hasDelta(): boolean {
    return this.delta !== null;
  }

  /** `toDelta`: the rows are also new to the DuckDB file, which an incremental build updates. */
  add(encoded: EncodedRows, toDelta: boolean): void {
    if (encoded.rows === 0) return;
    writeAll(this.csv, encoded.csv);
    this.arrow.writeEncoded(encoded.arrow);
    this.rows += encoded.rows;
    this.longestLine = Math.max(this.longestLine, encoded.longestLineBytes);
    if (toDelta) {
      this.longestDeltaLine = Math.max(this.longestDeltaLine, encoded.longestLineBytes);
      if (this.delta === null) {
        mkdirSync(path.dirname(this.deltaPath), { recursive: true });
        this.delta = openSync(this.deltaPath, 'w');
        writeSync(this.delta, csvHeader(this.table), null, 'utf8');
      }
      writeAll(this.delta, encoded.csv);
    }
  }

  close(): void {
    this.arrow.finish();
    closeSync(this.arrowFile);
    closeSync(this.csv);
    if (this.delta !== null) closeSync(this.delta);
  }

  abandon(): void {
    for (const fd of [this.csv, this.arrowFile, this.delta]) {
      if (fd === null) continue;
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

/** Where an incremental build puts the CSV lines new to the DuckDB file, removed once it is loaded. */
const deltaFolder = '.duckdb-new-rows';
/** Which documents' rows hashkpi.duckdb holds, under which rules: in the dataset's cache, which a user may remove (the next build then loads DuckDB whole). */
export const duckDbDocumentsFile = path.join('cache', 'duckdb-documents.json');

interface DuckDbDocuments {
  fingerprint: string;
  /** [source_path, doc_id] of every document whose rows the tables of documentTables hold */
  documents: [string, string][];
}

/**
 * The previous dataset's hashkpi.duckdb, when it was written under the same rules: its rows of a
 * document with the same path and doc_id (the hash of its bytes) are the rows this build would
 * write, and are kept.
 */
export interface PreviousDuckDb {
  file: string;
  documents: Set<string>;
}

const documentKey = (sourcePath: string, docId: string) => `${sourcePath}\u0000${docId}`;

export function previousDuckDb(datasetDir: string, fingerprint: string): PreviousDuckDb | null {
  const file = path.join(datasetDir, 'hashkpi.duckdb');
  try {
    const held = JSON.parse(readFileSync(path.join(datasetDir, duckDbDocumentsFile), 'utf8')) as DuckDbDocuments;
    if (held.fingerprint !== fingerprint || !Array.isArray(held.documents) || !existsSync(file)) return null;
    return { file, documents: new Set(held.documents.map(([sourcePath, docId]) => documentKey(sourcePath, docId))) };
  } catch {
    return null;
  }
}

/**
 * Every table of the dataset open for rows at once, as CSV and Arrow files; on close, one DuckDB
 * file loaded from the CSV files by DuckDB's own reader (all cores, none of the rows in this
 * process), then its views. With the previous dataset's DuckDB file (an incremental build), the
 * file is copied and only the rows of documents it does not hold are replaced.
 */
export class DatasetStream {
  private readonly written: [string, string][] = [];
  private readonly kept = new Set<string>();
  /** the calls whose kpis rows the previous DuckDB file holds as they are (`ticker\tcall_period`) */
  private readonly keptCalls: string[] = [];

  private constructor(
    private readonly dir: string,
    private readonly streams: Map<string, TableStream>,
    private readonly fingerprint: string,
    private readonly previous: PreviousDuckDb | null,
  ) {}

  /** `dir` holds csv/ and arrow/ already (startDataset). */
  static open(dir: string, tables: readonly TableSpec[], options: { fingerprint?: string; previous?: PreviousDuckDb | null } = {}): DatasetStream {
    const streams = new Map<string, TableStream>();
    try {
      for (const table of tables) streams.set(table.name, new TableStream(dir, table));
    } catch (error) {
      for (const stream of streams.values()) stream.abandon();
      throw error;
    }
    return new DatasetStream(dir, streams, options.fingerprint ?? '', options.previous ?? null);
  }

  /** A document's rows (its tables): kept from the previous DuckDB file when it holds them. */
  addDocument(sourcePath: string, docId: string | null, tables: readonly EncodedRows[]): void {
    const key = docId === null ? null : documentKey(sourcePath, docId);
    if (docId !== null) this.written.push([sourcePath, docId]);
    const held = key !== null && this.previous?.documents.has(key) === true;
    if (held) this.kept.add(key);
    for (const rows of tables) this.table(rows.table).add(rows, this.previous !== null && !held && replacedBy(rows.table) === 'document');
  }

  /**
   * A call's kpis rows. `unchanged`: chosen from the same facts as the previous build's, whose
   * DuckDB file then holds them as they are.
   */
  addCall(call: { ticker: string; callPeriod: string }, encoded: EncodedRows, unchanged: boolean): void {
    const kept = this.previous !== null && unchanged;
    if (kept) this.keptCalls.push(`${call.ticker}\t${call.callPeriod}`);
    this.table(encoded.table).add(encoded, this.previous !== null && !kept);
  }

  /** Rows made from the documents together (same_call, schema issues...), or of no document. */
  add(encoded: EncodedRows): void {
    this.table(encoded.table).add(encoded, this.previous !== null && replacedBy(encoded.table) !== 'whole');
  }

  private table(name: string): TableStream {
    const stream = this.streams.get(name);
    if (!stream) throw new Error(`dataset: no table ${name} is open; expected one of ${[...this.streams.keys()].join(', ')}`);
    return stream;
  }

  /** Rows written so far, by table. */
  counts(): { table: TableSpec; rows: number }[] {
    return [...this.streams.values()].map(({ table, rows }) => ({ table, rows }));
  }

  /** After a failure: the files closed so the staging folder can go; they are left as they are. */
  abandon(): void {
    for (const stream of this.streams.values()) stream.abandon();
  }

  /** Closes every file, then writes hashkpi.duckdb from them, and which documents it holds. */
  async close(): Promise<void> {
    for (const stream of this.streams.values()) stream.close();
    const file = path.join(this.dir, 'hashkpi.duckdb');
    const tables = [...this.streams.values()];
    const gone = this.previous ? [...this.previous.documents].filter((key) => !this.kept.has(key)).map((key) => key.split('\u0000')[1]) : [];
    // deleted rows leave room in the file that is not all given back: past a quarter of it, a new file
    if (this.previous && gone.length * 4 <= this.previous.documents.size) {
      copyFileSync(this.previous.file, file);
      await updateDuckDb(
        file,
        tables.map((s) =>
          replacedBy(s.table.name) === 'whole'
            ? { table: s.table, csv: s.csvPath, longestLineBytes: s.longestLine }
            : { table: s.table, csv: s.hasDelta ? s.deltaPath : null, longestLineBytes: s.longestDeltaLine },
        ),
        gone,
        this.keptCalls,
      );
      rmSync(path.join(this.dir, deltaFolder), { recursive: true, force: true });
    } else {
      await loadDuckDb(file, tables.map((s) => ({ table: s.table, csv: s.csvPath, longestLineBytes: s.longestLine })));
      rmSync(path.join(this.dir, deltaFolder), { recursive: true, force: true });
    }
    const held: DuckDbDocuments = { fingerprint: this.fingerprint, documents: this.written };
    mkdirSync(path.join(this.dir, path.dirname(duckDbDocumentsFile)), { recursive: true });
    writeFileSync(path.join(this.dir, duckDbDocumentsFile), JSON.stringify(held));
  }
}

/**
 * How a rebuild replaces a table's rows in the previous DuckDB file: by document (the rows of the
 * documents gone or changed are deleted), by call (kpis: the rows of the calls whose KPIs were
 * chosen again), or whole (ingest_errors: small, and partly made from every document together).
 * The rows that replace them are those the build wrote to the table's delta.
 */
type Replaced = 'document' | 'call' | 'whole';
function replacedBy(table: string): Replaced {
  if (documentTables.has(table) || table in madeTogether) return 'document';
  return table === 'kpis' ? 'call' : 'whole';
}

/** Of a table replaced by document, the rows made from every document together (written again whole), as SQL. */
const madeTogether: Record<string, string> = { validation_issues: `"check" = 'schema'` };

const lineSize = (longest: number) => Math.max(2 * 2 ** 20, longest + 1024);
const bufferSize = (longest: number) => Math.max(32 * 2 ** 20, 2 * lineSize(longest));


/**
 * The SELECT that reads a table's CSV file back as the values the table holds: the CSV's column
 * types declared (nothing sniffed), an empty cell NULL, except '' in a column that is never null,
 * and a text cell's formula guard taken off (textOfCell).
 */
export function readCsvSql(table: TableSpec, csvFile: string, longestLineBytes = 0): string {
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
    // DuckDB refuses a line longer than max_line_size (2 MB by default) and reads in buffers 16 times that: told the longest, and a buffer twice it
    `max_line_size = ${lineSize(longestLineBytes)}`,
    `buffer_size = ${bufferSize(longestLineBytes)}`,
  ];
  return `SELECT ${values.join(', ')} FROM read_csv(${quoteText(csvFile)}, ${options.join(', ')})`;
}

/**
 * DuckDB's memory while it loads: without a limit it keeps what it read and indexed (1.7 GB for
 * 4,000 calls); with one it writes blocks out to the file and to a temporary folder beside it.
 * The limit leaves room for the read buffers of a table whose lines are long.
 */
function loadSettings(tables: readonly { longestLineBytes: number }[]): Record<string, string> {
  const buffer = Math.max(...tables.map((t) => bufferSize(t.longestLineBytes)), 0);
  return { memory_limit: `${Math.max(256, Math.ceil((4 * buffer) / 2 ** 20) + 256)}MB`, threads: '2' };
}

/** hashkpi.duckdb: every table made from its schema and filled from its CSV file, then the views, checkpointed. */
export async function loadDuckDb(file: string, tables: readonly { table: TableSpec; csv: string; longestLineBytes: number }[]): Promise<void> {
  // a table at a time, each by an instance of its own: an instance holds the primary-key index of
  // every table it loaded until it closes, which would grow with the corpus
  for (const { table, csv, longestLineBytes } of tables) {
    await withDuckDb(file, loadSettings([{ longestLineBytes }]), (connection) => loadTable(connection, table, csv, longestLineBytes));
  }
  await withDuckDb(file, loadSettings([]), async (connection) => {
    await createViews(connection);
    await connection.run('CHECKPOINT');
  });
}

async function withDuckDb(file: string, settings: Record<string, string>, use: (connection: DuckDBConnection) => Promise<void>): Promise<void> {
  const instance = await DuckDBInstance.create(file, settings);
  const connection = await instance.connect();
  try {
    await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function loadTable(connection: DuckDBConnection, table: TableSpec, csv: string, longestLineBytes: number): Promise<void> {
  for (const statement of tableDdl(table)) await connection.run(statement);
  await connection.run(`INSERT INTO ${quoteIdent(table.name)} ${readCsvSql(table, csv, longestLineBytes)}`);
}

/**
 * The previous build's DuckDB file (copied) brought up to date: the rows of documents gone or
 * changed deleted, the new documents' rows inserted, and the tables made from every document
 * together written whole. Its rows are those of a cold build; only their order in the file differs.
 */
async function updateDuckDb(
  file: string,
  tables: readonly { table: TableSpec; csv: string | null; longestLineBytes: number }[],
  gone: readonly string[],
  keptCalls: readonly string[],
): Promise<void> {
  // a table at a time, each by an instance of its own, as loadDuckDb
  for (const { table, csv, longestLineBytes } of tables) {
    await withDuckDb(file, loadSettings([{ longestLineBytes }]), async (connection) => {
      const name = quoteIdent(table.name);
      const replaced = replacedBy(table.name);
      if (replaced === 'whole') await connection.run(`DELETE FROM ${name}`);
      else if (replaced === 'call') {
        // tickers and call periods hold no tab or line break
        await connection.run(`DELETE FROM ${name} WHERE ticker || chr(9) || call_period NOT IN (SELECT unnest(string_split($kept, chr(10))))`, { kept: keptCalls.join('\n') });
      } else {
        const together = madeTogether[table.name];
        // doc_ids are hex digits: one text of them, split in SQL
        if (gone.length || together) {
          await connection.run(`DELETE FROM ${name} WHERE doc_id IN (SELECT unnest(string_split($ids, ','))) OR ${together ?? 'false'}`, { ids: gone.join(',') });
        }
      }
      if (csv) await connection.run(`INSERT INTO ${name} ${readCsvSql(table, csv, longestLineBytes)}`);
    });
  }
  await withDuckDb(file, loadSettings([]), (connection) => connection.run('CHECKPOINT').then(() => undefined));
}
