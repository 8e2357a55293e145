import { columnsOf, type ColumnKind, type TableSpec } from '../../schemas/columns.ts';

/** The DuckDB type of each kind of column. */
export const sqlTypes: Record<ColumnKind, string> = { string: 'VARCHAR', integer: 'INTEGER', double: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE' };

/** A name, and a text, as DuckDB SQL reads them. */
export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
export const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

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
