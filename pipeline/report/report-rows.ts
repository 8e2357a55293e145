import { DuckDBInstance } from '@duckdb/node-api';
import type { Row } from '../../schemas/columns.ts';
import type { documents, ingestErrors, kpis, translationChecks, validationIssues } from '../../schemas/index.ts';
import { callLevelsSql } from '../write/views.ts';

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

/** Everything the report shows, read back from hashkpi.duckdb the way a user would (dates as ISO text). */
export interface ReportRows {
  documents: Row<typeof documents>[];
  kpis: Row<typeof kpis>[];
  quotes: Quote[];
  validationIssues: Row<typeof validationIssues>[];
  translationChecks: Row<typeof translationChecks>[];
  ingestErrors: Row<typeof ingestErrors>[];
  levels: CallLevel[];
}

export async function readReportRows(duckDbFile: string): Promise<ReportRows> {
  const instance = await DuckDBInstance.create(duckDbFile, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const read = async <T>(sql: string): Promise<T[]> => (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[];
  try {
    return {
      documents: await read(`SELECT * FROM documents ORDER BY ticker, call_period, source_path`),
      kpis: await read(`SELECT * FROM kpis ORDER BY ticker, call_period, metric, basis, period, change_kind NULLS FIRST, entity NULLS FIRST`),
      quotes: await read(
        `SELECT fact_id, metric, quote, sentence, speaker, speaker_title, section, paragraph_index, char_start, source_path, confidence
         FROM fact_sources WHERE fact_id IN (SELECT chosen_fact_id FROM kpis) ORDER BY doc_id, char_start, metric`,
      ),
      validationIssues: await read(`SELECT * FROM validation_issues ORDER BY doc_id, severity, "check", message`),
      translationChecks: await read(`SELECT * FROM translation_checks ORDER BY doc_id, paragraph_index, en_mention_id`),
      ingestErrors: await read(`SELECT * FROM ingest_errors ORDER BY source_path, problem`),
      levels: await read(`SELECT * FROM (${callLevelsSql}) ORDER BY ticker, call_period, metric`),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Each company (ticker) with its call quarters, from the KPI values and the documents, sorted. */
export function companyCalls(rows: Pick<ReportRows, 'kpis' | 'documents'>): Map<string, string[]> {
  const calls = new Map<string, Set<string>>();
  const add = (ticker: string, callPeriod: string) => calls.set(ticker, (calls.get(ticker) ?? new Set()).add(callPeriod));
  for (const k of rows.kpis) add(k.ticker, k.call_period);
  for (const d of rows.documents) if (d.ticker && d.call_period) add(d.ticker, d.call_period);
  return new Map([...calls.keys()].sort().map((ticker) => [ticker, [...calls.get(ticker)!].sort()]));
}
