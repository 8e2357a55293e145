import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputViews, wideMetrics } from '../../pipeline/write/views.ts';
import { outputTables } from '../../schemas/tables.ts';
import { builtDataset } from '../built-dataset.ts';
import { queryDuckDb } from '../read-dataset.ts';

const dataset = builtDataset();

const sqlList = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');

describe('the views of hashkpi.duckdb', () => {
  it('exist, each with a comment', async () => {
    const views = await queryDuckDb(dataset.out, `SELECT view_name, comment FROM duckdb_views() WHERE NOT internal ORDER BY view_name`);
    expect(views.map((v) => v.view_name)).toEqual(outputViews.map((v) => v.name).sort());
    for (const v of views) expect(String(v.comment ?? '')).not.toBe('');
  });

  it.each(outputViews.map((v) => [v.name, v] as const))('%s has the declared columns, each with a comment', async (name, view) => {
    const columns = await queryDuckDb(dataset.out, `SELECT column_name, comment FROM duckdb_columns() WHERE table_name = '${name}' ORDER BY column_index`);
    expect(columns.map((c) => c.column_name)).toEqual(view.columns.map((c) => c.name));
    expect(columns.filter((c) => !c.comment)).toEqual([]);
  });

  it('kpi_latest keeps one value per KPI, from the latest call that states it', async () => {
    const key = 'ticker, metric, period, basis, change_kind, entity';
    const [counts] = await queryDuckDb(dataset.out, `SELECT count(*)::INTEGER AS n, count(DISTINCT (${key}))::INTEGER AS keys FROM kpi_latest`);
    expect(counts.n).toBe(counts.keys);
    const notLatest = await queryDuckDb(
      dataset.out,
      `SELECT l.* FROM kpi_latest l JOIN (SELECT ${key}, max(call_period) AS latest FROM kpis GROUP BY ALL) k USING (${key}) WHERE l.call_period <> k.latest`,
    );
    expect(notLatest).toEqual([]);
  });

  it('kpi_wide has one row per company and call quarter and one column per core metric', async () => {
    const columns = await queryDuckDb(dataset.out, `SELECT column_name FROM duckdb_columns() WHERE table_name = 'kpi_wide' ORDER BY column_index`);
    expect(columns.map((c) => c.column_name)).toEqual(['ticker', 'call_period', 'quarter_end', ...wideMetrics]);
    const rows = await queryDuckDb(dataset.out, `SELECT * FROM kpi_wide`);
    // the call quarter's last day comes from the document's fiscal calendar
    const ends = await queryDuckDb(dataset.out, `SELECT DISTINCT w.ticker, w.call_period FROM kpi_wide w JOIN documents d USING (ticker, call_period) WHERE w.quarter_end <> d.quarter_end`);
    expect(ends).toEqual([]);
    const calls = await queryDuckDb(dataset.out, `SELECT DISTINCT ticker, call_period FROM kpis WHERE metric IN (${sqlList(wideMetrics)}) AND basis = 'actual' AND change_kind IS NULL AND entity IS NULL`);
    expect(rows.length).toBe(calls.length);
    expect(new Set(rows.map((r) => `${r.ticker} ${r.call_period}`)).size).toBe(rows.length);
  });

  it('kpi_wide takes the level said for the call quarter', async () => {
    const differing = await queryDuckDb(
      dataset.out,
      `SELECT k.ticker, k.call_period, k.value, w.revenue_total FROM kpis k JOIN kpi_wide w USING (ticker, call_period)
       WHERE k.metric = 'revenue_total' AND k.basis = 'actual' AND k.change_kind IS NULL AND k.entity IS NULL AND k.period = k.call_period
         AND w.revenue_total IS DISTINCT FROM k.value`,
    );
    expect(differing).toEqual([]);
  });

  it('fact_sources gives every fact once, with its paragraph, speaker and file', async () => {
    const [counts] = await queryDuckDb(
      dataset.out,
      `SELECT (SELECT count(*) FROM facts)::INTEGER AS facts, count(*)::INTEGER AS sources,
              count(*) FILTER (WHERE NOT contains(paragraph_text, quote))::INTEGER AS quote_outside,
              count(*) FILTER (WHERE source_path IS NULL)::INTEGER AS no_file
       FROM fact_sources`,
    );
    expect(counts).toEqual({ facts: counts.sources, sources: counts.sources, quote_outside: 0, no_file: 0 });
    expect(counts.sources).toBeGreaterThan(0);
  });
});

describe('the Parquet copies', () => {
  it.each(outputTables.map((t) => [t.name] as const))('parquet/%s.parquet has the rows of the table', async (name) => {
    const file = path.join(dataset.out, 'parquet', `${name}.parquet`);
    expect(existsSync(file), file).toBe(true);
    const [counts] = await queryDuckDb(
      dataset.out,
      `SELECT (SELECT count(*) FROM read_parquet('${file.replace(/'/g, "''")}'))::INTEGER AS parquet, (SELECT count(*) FROM "${name}")::INTEGER AS duckdb`,
    );
    expect(counts.parquet).toBe(counts.duckdb);
  });
});
