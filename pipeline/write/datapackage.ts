import { columnsOf, type ColumnKind, type TableSpec } from '../../schemas/columns.ts';

const frictionlessTypes: Record<ColumnKind, string> = { string: 'string', integer: 'integer', double: 'number', boolean: 'boolean', date: 'date' };

/**
 * A Frictionless Tabular Data Package describing every CSV: UTF-8 (the BOM a spreadsheet needs is
 * the encoding's own signature, which a reader skips), an empty cell is a missing value and only
 * nullable columns may have one, dates are ISO days, primary and foreign keys as in the schemas.
 */
export function dataPackage(tables: readonly { table: TableSpec; rows: number }[], version: string): object {
  return {
    profile: 'tabular-data-package',
    name: 'hashkpi',
    title: 'KPIs of Bitcoin-mining companies from earnings-call transcripts',
    version,
    resources: tables.map(({ table, rows }) => ({
      name: table.name,
      path: `csv/${table.name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      description: table.description,
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: columnsOf(table).map((c) => ({
          name: c.name,
          type: frictionlessTypes[c.kind],
          ...(c.kind === 'date' ? { format: 'default' } : {}),
          description: c.description,
          constraints: { required: !c.nullable },
        })),
        ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
        ...(table.foreignKeys?.length
          ? { foreignKeys: table.foreignKeys.map((fk) => ({ fields: fk.columns, reference: { resource: fk.table, fields: fk.references } })) }
          : {}),
        missingValues: [''],
      },
      stats: { rows },
    })),
  };
}
