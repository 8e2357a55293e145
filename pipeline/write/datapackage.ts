import { columnsOf, type ColumnKind, type TableSpec } from '../../schemas/columns.ts';

const frictionlessTypes: Record<ColumnKind, string> = { string: 'string', integer: 'integer', double: 'number', boolean: 'boolean' };

/** A Frictionless Data Package describing every CSV of the dataset. */
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
      encoding: 'utf-8-sig',
      description: `${table.description} One row per ${table.grain}.`,
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: columnsOf(table).map((c) => ({
          name: c.name,
          type: frictionlessTypes[c.kind],
          description: c.description,
          constraints: c.nullable ? {} : { required: true },
        })),
        primaryKey: table.key,
        missingValues: [''],
      },
      stats: { rows },
    })),
  };
}
