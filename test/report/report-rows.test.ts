import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variant } from '../../bench/generate.ts';
import { coreMetrics } from '../../pipeline/report/display.ts';
import { callsShownPerCompany, reportPage, trendCallsPerCompany } from '../../pipeline/report/page.ts';
import { readReportRows, type ReportRows } from '../../pipeline/report/report-rows.ts';
import { buildDataset } from '../../pipeline/run.ts';
import { callLevelsSql } from '../../pipeline/write/views.ts';
import { sampleCorpus } from '../paths.ts';

/** Every row the page could use, read the way the report read them before it read only what it shows. */
async function readEveryRow(duckDbFile: string): Promise<ReportRows> {
  const instance = await DuckDBInstance.create(duckDbFile, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const read = async <T>(sql: string): Promise<T[]> => (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[];
  try {
    const rows: Omit<ReportRows, 'counts'> = {
      calls: await read(`SELECT ticker, call_period FROM kpis UNION SELECT ticker, call_period FROM documents WHERE ticker <> '' AND call_period <> '' ORDER BY ALL`),
      documents: await read(`SELECT * FROM documents ORDER BY ticker, call_period, source_path`),
      kpis: await read(`SELECT * FROM kpis ORDER BY ticker, call_period, metric, basis, period, change_kind NULLS FIRST, entity NULLS FIRST`),
      quotes: await read(
        `SELECT fact_id, metric, quote, sentence, speaker, speaker_title, section, paragraph_index, char_start, source_path, confidence
         FROM fact_sources WHERE fact_id IN (SELECT chosen_fact_id FROM kpis) ORDER BY doc_id, char_start, metric`,
      ),
      validationIssues: await read(`SELECT * FROM validation_issues ORDER BY doc_id, severity, "check", message, fact_ids, mention_ids`),
      translationChecks: await read(`SELECT * FROM translation_checks ORDER BY doc_id, paragraph_index, en_mention_id`),
      ingestErrors: await read(`SELECT * FROM ingest_errors ORDER BY source_path, problem`),
      levels: await read(`SELECT * FROM (${callLevelsSql}) ORDER BY ticker, call_period, metric`),
    };
    const problemsBySeverity: Record<string, number> = {};
    for (const { severity } of [...rows.validationIssues, ...rows.ingestErrors]) problemsBySeverity[severity] = (problemsBySeverity[severity] ?? 0) + 1;
    return { ...rows, counts: { kpis: rows.kpis.length, problemsBySeverity } };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const windows = { shownPerCompany: callsShownPerCompany, trendPerCompany: trendCallsPerCompany };

/** The input of one company's calls, the first in 2019 Q1, each a quarter after the one before: bilingual and with warnings. */
function writeCalls(input: string, count: number): void {
  const fileName = 'KRMN-2025Q2.statementdog.txt';
  const template = { fileName, text: readFileSync(path.join(sampleCorpus, fileName), 'utf8'), brand: 'Kestrel', ticker: 'KRMN', year: 2025, quarter: 2 };
  for (let call = 0; call < count; call++) {
    const { fileName: name, text } = variant(template, { brand: 'Testa', ticker: 'TSTA' }, call, call);
    writeFileSync(path.join(input, name), text);
  }
}

const factIds = (issue: { fact_ids: string | null }) => (issue.fact_ids ?? '').split(';').map((s) => s.trim()).filter(Boolean);

/** A dataset built, before the tests of the describe block, from the input `write` puts in a folder; removed after. */
function builtFrom(write: (input: string) => void, timeoutMs: number): { duckDbFile: string; every: ReportRows } {
  const built = { duckDbFile: '', every: undefined as unknown as ReportRows };
  let tmp = '';
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-report-rows-'));
    const input = path.join(tmp, 'input');
    mkdirSync(input);
    write(input);
    const out = path.join(tmp, 'out');
    await buildDataset({ input, out, jobs: 1, strict: false });
    built.duckDbFile = path.join(out, 'hashkpi.duckdb');
    built.every = await readEveryRow(built.duckDbFile);
  }, timeoutMs);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  return built;
}

describe('the rows the report reads', () => {
  const built = builtFrom((input) => {
    // two calls of one company, bilingual (translation checks) and with warnings: the older is not shown in full
    writeCalls(input, 2);
    // a call that names no company: its issue is listed apart, tied to no company's call
    writeFileSync(path.join(input, 'untitled-call.txt'), readFileSync(path.join(sampleCorpus, 'QTMN-2025Q1.webcopy.txt'), 'utf8').replace(' (QTMN)', '').replaceAll('QTMN', ''));
  }, 60_000);

  it('holds of a call not shown in full only the quotes and warnings of the values its row of the company table shows', async () => {
    const { duckDbFile, every } = built;
    const rows = await readReportRows(duckDbFile, { shownPerCompany: 1, trendPerCompany: 2 });
    const doc = (callPeriod: string) => every.documents.find((d) => d.ticker === 'TSTA' && d.call_period === callPeriod)!;
    const [older, latest] = [doc('2019Q1'), doc('2019Q2')];
    const untitled = every.documents.find((d) => d.ticker === null)!;
    expect([older, latest, untitled].every(Boolean)).toBe(true);

    // the values on the page: every value of the latest call, and the core levels of each call
    const olderLevels = new Set(every.levels.filter((l) => l.call_period === '2019Q1' && (coreMetrics as readonly string[]).includes(l.metric)).map((l) => l.chosen_fact_id));
    const latestValues = new Set(every.kpis.filter((k) => k.call_period === '2019Q2').map((k) => k.chosen_fact_id));
    const onPage = new Set([...olderLevels, ...latestValues, ...every.levels.filter((l) => (coreMetrics as readonly string[]).includes(l.metric)).map((l) => l.chosen_fact_id)]);

    expect(rows.kpis.map((k) => k.chosen_fact_id)).toEqual(every.kpis.filter((k) => k.call_period === '2019Q2').map((k) => k.chosen_fact_id));
    expect(rows.translationChecks).toEqual(every.translationChecks.filter((c) => c.doc_id === latest.doc_id));
    expect(every.translationChecks.some((c) => c.doc_id === older.doc_id)).toBe(true);

    const olderQuotes = (quotes: ReportRows['quotes']) => quotes.filter((q) => q.source_path === older.source_path).map((q) => q.fact_id).sort();
    expect(olderQuotes(rows.quotes)).toEqual([...olderLevels].sort());
    expect(olderQuotes(every.quotes).length).toBeGreaterThan(olderLevels.size);

    const expected = every.validationIssues.filter(
      (i) => i.doc_id === latest.doc_id || i.doc_id === untitled.doc_id || (i.severity !== 'info' && factIds(i).some((id) => onPage.has(id))),
    );
    expect(rows.validationIssues).toEqual(expected);
    const ofOlder = (issues: ReportRows['validationIssues']) => issues.filter((i) => i.doc_id === older.doc_id);
    // the older call's warnings on its core levels are read, its other issues are not
    expect(ofOlder(rows.validationIssues).length).toBeGreaterThan(0);
    expect(ofOlder(rows.validationIssues).length).toBeLessThan(ofOlder(every.validationIssues).length);
    expect(rows.validationIssues.some((i) => i.doc_id === untitled.doc_id)).toBe(true);

    // the header counts the whole dataset
    expect(rows.counts).toEqual(every.counts);
    expect(rows.calls).toEqual(every.calls);
  });

  it('makes the page it would make from every row', async () => {
    const { duckDbFile, every } = built;
    const rows = await readReportRows(duckDbFile, windows);
    const charts = { byTicker: new Map(), comparison: [] };
    const page = reportPage(rows, charts);
    expect(page).toBe(reportPage(every, charts));
    const { warning = 0, info = 0 } = every.counts.problemsBySeverity;
    expect(page).toContain(`3 documents, 1 companies, ${every.kpis.length} KPI values; problems: 0 error, ${warning} warning, ${info} info.`);
    expect(page).toContain("Issues not tied to a company's call");
  });
});

describe('the rows the report reads of a company with more calls than its trend table shows', () => {
  const count = trendCallsPerCompany + 2;
  const built = builtFrom((input) => writeCalls(input, count), 120_000);

  it('reads the levels, quotes and warnings of its latest calls only, and the page shows those calls and says so', async () => {
    const { duckDbFile, every } = built;
    const rows = await readReportRows(duckDbFile, windows);
    const periods = [...new Set(every.calls.map((c) => c.call_period))].sort();
    expect(periods).toHaveLength(count);
    const [oldest, trend] = [periods.slice(0, 2), periods.slice(2)];
    const oldDocs = new Set(every.documents.filter((d) => oldest.includes(d.call_period ?? '')).map((d) => d.doc_id));
    const oldPaths = new Set(every.documents.filter((d) => oldDocs.has(d.doc_id)).map((d) => d.source_path));
    // the two oldest calls have levels, quotes and warnings to leave out
    expect(every.levels.some((l) => oldest.includes(l.call_period))).toBe(true);
    expect(every.validationIssues.some((i) => oldDocs.has(i.doc_id ?? '') && i.severity === 'warning')).toBe(true);

    expect(rows.levels).toEqual(every.levels.filter((l) => trend.includes(l.call_period)));
    expect(new Set(rows.levels.map((l) => l.call_period))).toEqual(new Set(trend));
    expect(rows.quotes.filter((q) => oldPaths.has(q.source_path ?? ''))).toEqual([]);
    expect(rows.validationIssues.filter((i) => oldDocs.has(i.doc_id ?? ''))).toEqual([]);
    // every call is still counted
    expect(rows.calls).toEqual(every.calls);

    const page = reportPage(rows, { byTicker: new Map(), comparison: [] });
    expect(page).toBe(reportPage(every, { byTicker: new Map(), comparison: [] }));
    const trendRows = /<table class="trend">.*?<tbody>(.*?)<\/tbody>/s.exec(page)![1].match(/<tr>.*?<\/tr>/gs)!;
    expect(trendRows.map((r) => /^<tr><td class="nw">(?:<a [^>]*>)?(\d{4}Q\d)/.exec(r)![1])).toEqual([...trend].reverse());
    expect(page).toContain(`The ${trendCallsPerCompany} latest of ${count} calls; every call is in <code>hashkpi.duckdb</code> (<code>kpi_wide</code>) and <code>csv/kpi_wide.csv</code>.`);
    expect(page).toContain(`TSTA — Testa`);
    expect(page).toMatch(new RegExp(`<h2>TSTA[^<]*<span class="dim">${count} calls</span></h2>`));
  });
});
