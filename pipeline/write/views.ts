import { quoteIdent } from './duckdb.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { metrics } from '../../registries/metrics.ts';
import { columnsOf, date, defineTable, double, text, type TableSpec } from '../../schemas/columns.ts';
import { documents, facts, kpis, paragraphs, speakers } from '../../schemas/index.ts';

export interface ViewColumn {
  name: string;
  description: string;
}

/** A view of the DuckDB file: its SQL and, for `COMMENT ON`, what it is and what each column means. */
export interface ViewSpec {
  name: string;
  description: string;
  /** what one row is */
  grain: string;
  columns: ViewColumn[];
  /** SELECT statement whose result columns are exactly `columns`, in order */
  select: string;
}

const quoteText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A table's columns as view columns, descriptions taken from its schema so they cannot drift. */
function columnsFrom(table: TableSpec, names?: string[]): ViewColumn[] {
  const all = columnsOf(table);
  const pick = names ?? all.map((c) => c.name);
  return pick.map((name) => {
    const column = all.find((c) => c.name === name);
    if (!column) throw new Error(`${table.name} has no column ${name}; a view expected it`);
    return { name, description: column.description };
  });
}

/** The levels a spreadsheet of one row per call wants, in the order an analyst reads them. */
export const wideMetrics = [
  'revenue_total', 'revenue_product', 'revenue_mining', 'hashrate_installed', 'hashrate_sold', 'btc_mined', 'btc_held', 'btc_sold',
  'efficiency', 'cost_per_btc', 'power_capacity', 'cash', 'debt', 'gross_margin', 'net_income', 'adjusted_ebitda',
] as const;

/**
 * The actual, company-wide level of each metric for each call, one row per (ticker, call_period,
 * metric) with the fact chosen for it: a level said for the call quarter wins; a level at a date
 * (cash, BTC held, hash rate installed) is taken at the latest date up to the quarter's end;
 * anything else comes last. kpi_wide pivots it; the report compares companies with it.
 */
export const callLevelsSql = `WITH calls AS (
  -- the call quarter's last day under the company's fiscal calendar
  SELECT ticker, call_period, max(quarter_end) AS quarter_end FROM documents GROUP BY ticker, call_period
), levels AS (
  SELECT k.ticker, k.call_period, k.metric, k.period, k.value, k.value_high, k.unit, k.chosen_fact_id, c.quarter_end
  FROM kpis k LEFT JOIN calls c ON c.ticker = k.ticker AND c.call_period = k.call_period
  WHERE basis = 'actual' AND change_kind IS NULL AND entity IS NULL
), ranked AS (
  SELECT *, row_number() OVER (
    PARTITION BY ticker, call_period, metric
    ORDER BY CASE
      WHEN period = call_period THEN 0
      WHEN try_cast(period AS DATE) <= quarter_end THEN 1
      ELSE 2 END,
    period DESC) AS preference
  FROM levels
)
SELECT * EXCLUDE (preference) FROM ranked WHERE preference = 1`;

function metricColumn(id: string): ViewColumn {
  const metric = metrics.find((m) => m.id === id);
  if (!metric) throw new Error(`kpi_wide: metric ${id} is not in registries/metrics.ts`);
  return { name: id, description: `${metric.description}, in ${metric.unit} (actual, company-wide level)` };
}

const kpiKey = ['ticker', 'metric', 'period', 'basis', 'change_kind', 'entity'];
const kpiValues = ['value', 'value_high', 'unit', 'qualifier', 'statements', 'disagreeing', 'chosen_fact_id', 'speaker', 'doc_id'];

const kpiLatest: ViewSpec = {
  name: 'kpi_latest',
  description:
    'One value per company, period, metric, basis, change kind and entity: the value given in the latest call that states it (a later call restating an earlier quarter wins).',
  grain: '(ticker, metric, period, basis, change_kind, entity)',
  columns: [
    ...columnsFrom(kpis, kpiKey),
    { name: 'call_period', description: 'Fiscal quarter of the call the value comes from: the latest one that states it' },
    ...columnsFrom(kpis, kpiValues),
  ],
  select: `SELECT ${[...kpiKey, 'call_period', ...kpiValues].map(quoteIdent).join(', ')}
FROM kpis
QUALIFY row_number() OVER (PARTITION BY ${kpiKey.map(quoteIdent).join(', ')} ORDER BY call_period DESC, doc_id) = 1`,
};

const kpiWide: ViewSpec = {
  name: 'kpi_wide',
  description:
    'One row per company and call quarter, one column per core metric: the actual, company-wide level (no change, no entity), spreadsheet-ready. ' +
    'A value for the call quarter is preferred, then the latest date up to the quarter end (for values at a date), then the latest other period.',
  grain: '(ticker, call_period)',
  columns: [
    ...columnsFrom(kpis, ['ticker', 'call_period']),
    ...columnsFrom(documents, ['quarter_end']),
    ...wideMetrics.map(metricColumn),
  ],
  select: `WITH call_levels AS (
${callLevelsSql}
)
SELECT ticker, call_period, any_value(quarter_end) AS quarter_end,
${wideMetrics.map((m) => `  max(value) FILTER (WHERE metric = ${quoteText(m)}) AS ${quoteIdent(m)}`).join(',\n')}
FROM call_levels
WHERE metric IN (${wideMetrics.map(quoteText).join(', ')})
GROUP BY ticker, call_period
ORDER BY ticker, call_period`,
};

/**
 * kpi_wide as a table of its own, for a spreadsheet: csv/kpi_wide.csv, arrow/ and parquet/, and a
 * resource of datapackage.json. Its columns are the view's.
 */
export const kpiWideTable = defineTable({
  name: kpiWide.name,
  description: kpiWide.description,
  grain: kpiWide.grain,
  key: ['ticker', 'call_period'],
  primaryKey: ['ticker', 'call_period'],
  schema: z.object(
    Object.fromEntries(
      kpiWide.columns.map(({ name, description }) => [
        name,
        name === 'ticker' || name === 'call_period' ? text(description) : name === 'quarter_end' ? date(description).nullable() : double(description).nullable(),
      ]),
    ),
  ),
});

const factColumns = columnsOf(facts).map((c) => c.name);

const factSources: ViewSpec = {
  name: 'fact_sources',
  description:
    'One row per fact with where it comes from: the paragraph it was said in, who said it (title, role, organisation) and the source file.',
  grain: 'KPI statement (as facts)',
  columns: [
    ...columnsFrom(facts).map((c) =>
      c.name === 'speaker' ? { name: c.name, description: 'Who said it (the fact\'s speaker, else the paragraph\'s)' } : c,
    ),
    { name: 'paragraph_text', description: columnsOf(paragraphs).find((c) => c.name === 'text_en')!.description },
    { name: 'speaker_title', description: columnsOf(speakers).find((c) => c.name === 'title')!.description },
    { name: 'speaker_role', description: columnsOf(speakers).find((c) => c.name === 'role')!.description },
    { name: 'speaker_organization', description: columnsOf(speakers).find((c) => c.name === 'organization')!.description },
    ...columnsFrom(documents, ['source_path', 'company']),
  ],
  select: `SELECT ${factColumns.map((c) => (c === 'speaker' ? 'coalesce(f.speaker, p.speaker) AS speaker' : `f.${quoteIdent(c)}`)).join(', ')},
  p.text_en AS paragraph_text, s.title AS speaker_title, s.role AS speaker_role, s.organization AS speaker_organization,
  d.source_path, d.company
FROM facts f
LEFT JOIN paragraphs p ON p.doc_id = f.doc_id AND p.paragraph_index = f.paragraph_index
-- a name said twice in a document is one speaker: the first to speak
LEFT JOIN (SELECT * FROM speakers QUALIFY row_number() OVER (PARTITION BY doc_id, name ORDER BY speaker_index) = 1) s
  ON s.doc_id = f.doc_id AND s.name = coalesce(f.speaker, p.speaker)
LEFT JOIN documents d ON d.doc_id = f.doc_id`,
};

/** The views of the DuckDB file, in the order they are created and documented. */
export const outputViews: readonly ViewSpec[] = [kpiLatest, kpiWide, factSources];

/** CREATE VIEW and COMMENT ON statements for a view. */
export function viewDdl(view: ViewSpec): string[] {
  return [
    `CREATE VIEW ${quoteIdent(view.name)} (${view.columns.map((c) => quoteIdent(c.name)).join(', ')}) AS\n${view.select}`,
    `COMMENT ON VIEW ${quoteIdent(view.name)} IS ${quoteText(`${view.description} Grain: ${view.grain}.`)}`,
    ...view.columns.map((c) => `COMMENT ON COLUMN ${quoteIdent(view.name)}.${quoteIdent(c.name)} IS ${quoteText(c.description)}`),
  ];
}

export async function createViews(connection: DuckDBConnection): Promise<void> {
  for (const view of outputViews) {
    for (const statement of viewDdl(view)) await connection.run(statement);
  }
}
