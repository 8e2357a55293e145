import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { columnsOf, type ColumnKind, type TableSpec } from '../../schemas/columns.ts';
import { createViews } from './views.ts';

const sqlTypes: Record<ColumnKind, string> = { string: 'VARCHAR', integer: 'INTEGER', double: 'DOUBLE', boolean: 'BOOLEAN' };

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** CREATE TABLE and COMMENT ON statements for a table, from its schema. */
export function tableDdl(table: TableSpec): string[] {
  const columns = columnsOf(table);
  const body = columns.map((c) => `  ${quoteIdent(c.name)} ${sqlTypes[c.kind]}${c.nullable ? '' : ' NOT NULL'}`).join(',\n');
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
  const columns = columnsOf(table);
  const appender = await connection.createAppender(table.name);
  const append: Record<ColumnKind, (a: DuckDBAppender, v: unknown) => void> = {
    string: (a, v) => a.appendVarchar(String(v)),
    integer: (a, v) => a.appendInteger(v as number),
    double: (a, v) => a.appendDouble(v as number),
    boolean: (a, v) => a.appendBoolean(Boolean(v)),
  };
  for (const row of rows) {
    for (const { name, kind } of columns) {
      const v = row[name];
      if (v === null || v === undefined) appender.appendNull();
      else append[kind](appender, v);
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
