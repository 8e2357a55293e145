import { columnsOf } from '../../schemas/columns.ts';
import { outputTables } from '../../schemas/tables.ts';
import { outputViews } from '../write/views.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * The data dictionary in Markdown, generated from the zod table schemas and the view
 * declarations, so it says exactly what the build writes.
 */
export function dataDictionary(): string {
  const lines: string[] = [
    '# hashkpi data dictionary',
    '',
    'Generated from the table schemas in `schemas/` and the views in `pipeline/write/views.ts`;',
    'do not edit by hand: `make docs` regenerates `docs/data-dictionary.md`, and every build writes',
    'the same text to `OUT/DATA_DICTIONARY.md`.',
    '',
    'Every table is written as `csv/<table>.csv`, `arrow/<table>.arrow`, `parquet/<table>.parquet`',
    'and a table of `hashkpi.duckdb`; the views exist in `hashkpi.duckdb`, and `kpi_wide` is written',
    'as `csv/kpi_wide.csv`, `arrow/kpi_wide.arrow` and `parquet/kpi_wide.parquet` too. A nullable',
    'column holds NULL (an empty CSV cell) where a value is missing, never an empty text; a `date` is',
    'ISO `yyyy-mm-dd` in CSV, `DATE` in DuckDB and Parquet, Date32 in Arrow.',
    '',
    '## Tables',
    '',
    '| table | one row per | key | primary key | references |',
    '|---|---|---|---|---|',
    ...outputTables.map(
      (t) =>
        `| [\`${t.name}\`](#${t.name}) | ${cell(t.grain)} | ${t.key.map((k) => `\`${k}\``).join(', ')} | ${(t.primaryKey ?? []).map((k) => `\`${k}\``).join(', ') || 'none'} | ` +
        `${(t.foreignKeys ?? []).map((fk) => `\`${fk.columns.join(', ')}\` → \`${fk.table}.${fk.references.join(', ')}\``).join('; ')} |`,
    ),
    '',
    '## Views',
    '',
    '| view | one row per |',
    '|---|---|',
    ...outputViews.map((v) => `| [\`${v.name}\`](#${v.name}) | ${cell(v.grain)} |`),
    '',
  ];
  for (const table of outputTables) {
    lines.push(`### ${table.name}`, '', cell(table.description), '', '| column | type | nullable | description |', '|---|---|---|---|');
    for (const c of columnsOf(table)) lines.push(`| \`${c.name}\` | ${c.kind} | ${c.nullable ? 'yes' : 'no'} | ${cell(c.description)} |`);
    lines.push('');
  }
  for (const view of outputViews) {
    lines.push(`### ${view.name}`, '', `View. ${cell(view.description)}`, '', '| column | description |', '|---|---|');
    for (const c of view.columns) lines.push(`| \`${c.name}\` | ${cell(c.description)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
