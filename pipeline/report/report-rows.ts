import { DuckDBInstance } from '@duckdb/node-api';
import type { Row } from '../../schemas/columns.ts';
import type { documents, ingestErrors, kpis, translationChecks, validationIssues } from '../../schemas/index.ts';
import { quoteText } from '../write/duckdb.ts';
import { callLevelsSql } from '../write/views.ts';
import { coreMetrics } from './display.ts';

/** A chosen fact with where it was said, from the fact_sources view. */
export interface Quote {
  fact_id: string;
  metric: string;
  quote: string;
  sentence: string;
  speaker: string | null;
  speaker_title: string | null;
  section: string;
  paragraph_index: number;
  char_start: number;
  source_path: string | null;
  confidence: string | null;
}

/** The actual, company-wide level of a metric for a call (callLevelsSql), with the fact chosen for it. */
export interface CallLevel {
  ticker: string;
  call_period: string;
  quarter_end: string | null;
  metric: string;
  period: string;
  value: number;
  value_high: number | null;
  unit: string;
  chosen_fact_id: string;
}

/** A company's call: a quarter with KPI values or a document. */
export interface Call {
  ticker: string;
  call_period: string;
}

/**
 * What the report shows, read back from hashkpi.duckdb the way a user would (dates as ISO text):
 * one row per call, document or input problem, the levels of each company's latest calls only, and
 * the rest only for the calls shown in full, so that the page costs what a reader can read, not what
 * the corpus holds.
 */
export interface ReportRows {
  calls: Call[];
  documents: Row<typeof documents>[];
  /** the KPI values of the calls shown in full */
  kpis: Row<typeof kpis>[];
  /** the quotes of the values on the page: the calls shown in full and the core levels of the trend calls */
  quotes: Quote[];
  /**
   * the issues of the documents of the calls shown in full, those tied to no company's call, and
   * the warnings and errors on a value on the page
   */
  validationIssues: Row<typeof validationIssues>[];
  /** the checks of the documents of the calls shown in full */
  translationChecks: Row<typeof translationChecks>[];
  ingestErrors: Row<typeof ingestErrors>[];
  /** the levels of each company's trend calls, its latest ones */
  levels: CallLevel[];
  /** counted over the whole dataset */
  counts: { kpis: number; problemsBySeverity: Record<string, number> };
}


/** How many of each company's latest calls the page shows in full, and in its trend table and charts. */
export interface CallWindows {
  shownPerCompany: number;
  trendPerCompany: number;
}

/**
 * What the page is made of: every call (ticker, call_period) of the KPI values and the documents;
 * per company its latest `shownPerCompany` calls, shown in full, and its latest `trendPerCompany`,
 * in its trend table and charts, as companyCalls sorts them; the documents and KPI values of the
 * calls shown in full; the levels of the trend calls; the facts whose value is on the page; and
 * the validation issues the page shows.
 */
function pageSql({ shownPerCompany, trendPerCompany }: CallWindows): string {
  return `WITH calls AS (
  SELECT ticker, call_period FROM kpis
  UNION
  SELECT ticker, call_period FROM documents WHERE ticker <> '' AND call_period <> ''
), calls_by_recency AS (
  -- call periods are ASCII ('2025Q3'): sorted here as companyCalls sorts them; 1 is a company's latest
  SELECT ticker, call_period, row_number() OVER (PARTITION BY ticker ORDER BY call_period DESC) AS recency FROM calls
), shown_calls AS (
  SELECT ticker, call_period FROM calls_by_recency WHERE recency <= ${shownPerCompany}
), trend_calls AS (
  SELECT ticker, call_period FROM calls_by_recency WHERE recency <= ${trendPerCompany}
), trend_levels AS (
  SELECT l.* FROM (${callLevelsSql}) l SEMI JOIN trend_calls c ON c.ticker = l.ticker AND c.call_period = l.call_period
), shown_docs AS (
  SELECT d.doc_id FROM documents d JOIN shown_calls c ON c.ticker = coalesce(d.ticker, '') AND c.call_period = coalesce(d.call_period, '')
), shown_kpis AS (
  SELECT k.* FROM kpis k SEMI JOIN shown_calls c ON c.ticker = k.ticker AND c.call_period = k.call_period
), page_facts AS (
  SELECT chosen_fact_id AS fact_id FROM shown_kpis
  UNION
  -- a company's trend table and the comparison show the core levels of its trend calls
  SELECT chosen_fact_id FROM trend_levels WHERE metric IN (${coreMetrics.map(quoteText).join(', ')})
), page_issues AS (
  -- the issues of a call shown in full, placed beside its values or under them
  SELECT rowid AS issue FROM validation_issues WHERE doc_id IN (SELECT doc_id FROM shown_docs)
  UNION
  -- those listed apart, tied to no company's call
  SELECT rowid FROM validation_issues
  WHERE coalesce(doc_id, '') = '' OR doc_id NOT IN (SELECT doc_id FROM documents WHERE ticker <> '' AND call_period <> '')
  UNION
  -- a warning or an error on a value on the page marks it, whichever call it is of
  SELECT i.issue FROM (SELECT rowid AS issue, trim(unnest(string_split(fact_ids, ';'))) AS fact_id FROM validation_issues WHERE severity <> 'info') i
  SEMI JOIN page_facts USING (fact_id)
)`;
}

export async function readReportRows(duckDbFile: string, windows: CallWindows): Promise<ReportRows> {
  for (const [name, n] of Object.entries(windows)) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: expected a whole number of at least 1, got ${n}`);
  }
  // a DuckDB instance keeps the blocks its scans read until it closes: one per read, so that
  // reading facts and then validation issues holds the blocks of one table at a time
  const read = async <T>(sql: string): Promise<T[]> => {
    const instance = await DuckDBInstance.create(duckDbFile, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      return (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[];
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  };
  const page = pageSql(windows);
  const [kpiCount] = await read<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM kpis`);
  const severities = await read<{ severity: string; n: number }>(
    `SELECT severity, count(*)::INTEGER AS n FROM (SELECT severity FROM validation_issues UNION ALL SELECT severity FROM ingest_errors) GROUP BY severity`,
  );
  return {
    calls: await read(`${page} SELECT * FROM calls ORDER BY ticker, call_period`),
    documents: await read(`SELECT * FROM documents ORDER BY ticker, call_period, source_path`),
    kpis: await read(`${page} SELECT * FROM shown_kpis ORDER BY ticker, call_period, metric, basis, period, change_kind NULLS FIRST, entity NULLS FIRST`),
    quotes: await read(
      `${page} SELECT fact_id, metric, quote, sentence, speaker, speaker_title, section, paragraph_index, char_start, source_path, confidence
       FROM fact_sources WHERE fact_id IN (SELECT fact_id FROM page_facts) ORDER BY doc_id, char_start, metric`,
    ),
    // the same order for any subset: a few issues differ only in their fact ids
    validationIssues: await read(
      `${page} SELECT * FROM validation_issues WHERE rowid IN (SELECT issue FROM page_issues) ORDER BY doc_id, severity, "check", message, fact_ids, mention_ids`,
    ),
    translationChecks: await read(`${page} SELECT * FROM translation_checks WHERE doc_id IN (SELECT doc_id FROM shown_docs) ORDER BY doc_id, paragraph_index, en_mention_id`),
    ingestErrors: await read(`SELECT * FROM ingest_errors ORDER BY source_path, problem`),
    levels: await read(`${page} SELECT * FROM trend_levels ORDER BY ticker, call_period, metric`),
    counts: { kpis: kpiCount.n, problemsBySeverity: Object.fromEntries(severities.map((s) => [s.severity, s.n])) },
  };
}

/** Each company (ticker) with its call quarters, sorted. */
export function companyCalls(rows: Pick<ReportRows, 'calls'>): Map<string, string[]> {
  const calls = new Map<string, Set<string>>();
  for (const c of rows.calls) calls.set(c.ticker, (calls.get(c.ticker) ?? new Set()).add(c.call_period));
  return new Map([...calls.keys()].sort().map((ticker) => [ticker, [...calls.get(ticker)!].sort()]));
}
