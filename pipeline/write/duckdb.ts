import { DuckDBDateValue, DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { columnsOf, type ColumnKind, type TableSpec } from '../../schemas/columns.ts';
import { epochDays, storedValue } from './cells.ts';
import { createViews } from './views.ts';

const sqlTypes: Record<ColumnKind, string> = { string: 'VARCHAR', integer: 'INTEGER', double: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE' };

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * CREATE TABLE and COMMENT ON statements for a table, from its schema. Foreign keys are declared in
 * datapackage.json but not here: a row its schema rejects is left out and reported, and a row
 * referring to it would then make DuckDB refuse the whole build.
 */
export function tableDdl(table: TableSpec): string[] {
  const columns = columnsOf(table);
  const lines = columns.map((c) => `  ${quoteIdent(c.name)} ${sqlTypes[c.kind]}${c.nullable ? '' : ' NOT NULL'}`);
  if (table.primaryKey) lines.push(`  PRIMARY KEY (${table.primaryKey.map(quoteIdent).join(', ')})`);
  const body = lines.join(',\n');
  return [
    `CREATE TABLE ${quoteIdent(table.name)} (\n${body}\n)`,
    `COMMENT ON TABLE ${quoteIdent(table.name)} IS ${quoteText(`${table.description} Grain: ${table.grain}.`)}`,
    ...columns.map((c) => `COMMENT ON COLUMN ${quoteIdent(table.name)}.${quoteIdent(c.name)} IS ${quoteText(c.description)}`),
  ];
}

/** Writes every table into one DuckDB file, loading rows through the appender (bulk, not INSERT per row), then the views. */
export async function writeDuckDb(file: string, tables: readonly { table: TableSpec; rows: readonly Record<string, unknown>[] }[]): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    for (const { table, rows } of tables) {
      for (const statement of tableDdl(table)) await connection.run(statement);
      await appendRows(connection, table, rows);
    }
    await createViews(connection);
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function appendRows(connection: DuckDBConnection, table: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
  const appender = await connection.createAppender(table.name);
  appendTo(appender, table, rows);
  appender.flushSync();
  appender.closeSync();
}

/** Appends rows through an open appender (a table's rows may come a document at a time). */
export function appendTo(appender: DuckDBAppender, table: TableSpec, rows: readonly Record<string, unknown>[]): void {
  const columns = columnsOf(table);
  const append: Record<ColumnKind, (a: DuckDBAppender, v: unknown) => void> = {
    string: (a, v) => a.appendVarchar(String(v)),
    integer: (a, v) => a.appendInteger(v as number),
    double: (a, v) => a.appendDouble(v as number),
    boolean: (a, v) => a.appendBoolean(Boolean(v)),
    date: (a, v) => a.appendDate(new DuckDBDateValue(epochDays(v as string))),
  };
  for (const row of rows) {
    for (const column of columns) {
      const v = storedValue(column, row[column.name]);
      if (v === null) appender.appendNull();
      else append[column.kind](appender, v);
    }
    appender.endRow();
  }
}
