import type { Row } from '../../schemas/columns.ts';
import type { documents, kpis, translationChecks, validationIssues } from '../../schemas/index.ts';
import { groupBy } from '../group-by.ts';
import type { ChartSpec } from './charts.ts';
import { canonical, coreMetrics, display, displayRange, metricLabel, metricRank } from './display.ts';
import { anchorId, escapeHtml as e } from './escape.ts';
import { companyCalls, type CallLevel, type Quote, type ReportRows } from './report-rows.ts';

type Kpi = Row<typeof kpis>;
type Issue = Row<typeof validationIssues>;
type Document = Row<typeof documents>;

export interface RenderedChart {
  chart: ChartSpec;
  svg: string;
}

/** What the page draws besides the tables: a company's charts over its calls, and one chart per core metric across companies. */
export interface ReportCharts {
  byTicker: ReadonlyMap<string, readonly RenderedChart[]>;
  comparison: readonly RenderedChart[];
}

/**
 * A company's latest calls are shown in full (every value with its quote); older ones are in the
 * company's table and charts and in the dataset. It keeps the page light for a research team's
 * hundreds of calls: under 5 MB and two seconds to open for 300.
 */
export const callsShownPerCompany = 1;

/**
 * A company's trend table and charts cover its latest calls: three years of quarters. Older calls
 * are in the dataset; the page grows with the number of companies, not of calls.
 */
export const trendCallsPerCompany = 12;

const sectionNames: Record<string, string> = { prepared_remarks: 'prepared remarks', qa: 'Q&A', summary: 'summary' };
const basisOrder: Record<string, number> = { actual: 0, guidance: 1, target: 2, spec: 3, market: 4 };
const factAnchor = (factId: string) => anchorId('f', factId);
const callAnchor = (ticker: string, callPeriod: string) => anchorId('call', ticker, callPeriod);
const tickerAnchor = (ticker: string) => anchorId('co', ticker);
const callKey = (ticker: string, callPeriod: string) => `${ticker}\u0000${callPeriod}`;

/** Everything the sections look up, indexed once. */
interface Context {
  quotes: Map<string, Quote>;
  /** facts whose quote is on the page: a value of one links to it */
  quoted: Set<string>;
  docsByCall: Map<string, Document[]>;
  kpisByCall: Map<string, Kpi[]>;
  levelsByCall: Map<string, CallLevel[]>;
  issuesByDoc: Map<string, Issue[]>;
  issuesByFact: Map<string, Issue[]>;
  checksByDoc: Map<string, Row<typeof translationChecks>[]>;
}

const worstOf = (issues: readonly Issue[]) => (issues.some((i) => i.severity === 'error') ? 'error' : issues.some((i) => i.severity === 'warning') ? 'warning' : '');

/**
 * A value in industry units; its tooltip gives the canonical value, the words and the speaker, and
 * it links to the quote where the quote is on the page. A warning or error on it is marked beside.
 */
function valueCell(ctx: Context, factId: string, value: number, high: number | null, unit: string | null, change = false): string {
  const q = ctx.quotes.get(factId);
  const issues = ctx.issuesByFact.get(factId) ?? [];
  // the quote itself is one click away when it is on the page; otherwise the tooltip carries it
  const onPage = ctx.quoted.has(factId);
  const tip = [
    `${canonical(value, unit ?? '')}${high !== null ? ` – ${canonical(high, unit ?? '')}` : ''}`,
    q && !onPage ? `“${q.quote}” — ${q.speaker ?? 'speaker unknown'}${q.confidence ? ` (confidence ${q.confidence})` : ''}` : '',
    ...issues.filter((i) => i.severity !== 'info').map((i) => `${i.severity} ${i.check}: ${i.message}`),
  ].filter(Boolean).join('\n');
  const text = e(displayRange(value, high, unit, change));
  const shown = onPage ? `<a href="#${factAnchor(factId)}" title="${e(tip)}">${text}</a>` : `<span title="${e(tip)}">${text}</span>`;
  const worst = worstOf(issues);
  return worst ? `${shown}<sup class="${worst}" title="${e(tip)}">!</sup>` : shown;
}

function issueList(issues: readonly Issue[]): string {
  if (issues.length === 0) return '';
  // a check that holds (info) is named, its sentence left to the dataset and `hashkpi explain`
  const passed = [...new Set(issues.filter((i) => i.severity === 'info').map((i) => i.check))];
  const items = issues.filter((i) => i.severity !== 'info').map((i) => {
    const detail = [i.expected !== null ? `expected ${i.expected}` : '', i.actual !== null ? `found ${i.actual}` : ''].filter(Boolean).join(', ');
    return `<li class="${e(i.severity)}"><b>${e(i.check)}</b>: ${e(i.message)}${detail ? ` <span class="dim">(${e(detail)})</span>` : ''}</li>`;
  });
  if (passed.length) items.push(`<li class="info">${e(passed.join(', '))} ✓</li>`);
  return `<ul class="issues">${items.join('')}</ul>`;
}

const levelsOf = (ctx: Context, ticker: string, callPeriod: string) => new Map((ctx.levelsByCall.get(callKey(ticker, callPeriod)) ?? []).map((l) => [l.metric, l]));

/** Each company's latest call side by side: one row per company, quarters aligned by the day they end. */
function comparisonSection(ctx: Context, calls: Map<string, string[]>, charts: readonly RenderedChart[]): string {
  const latest = [...calls].map(([ticker, periods]) => {
    const callPeriod = periods.at(-1)!;
    const levels = levelsOf(ctx, ticker, callPeriod);
    const quarterEnd = [...levels.values()][0]?.quarter_end ?? ctx.docsByCall.get(callKey(ticker, callPeriod))?.[0]?.quarter_end ?? null;
    return { ticker, callPeriod, quarterEnd, levels };
  });
  latest.sort((a, b) => (b.quarterEnd ?? '').localeCompare(a.quarterEnd ?? '') || a.ticker.localeCompare(b.ticker));
  const metrics = coreMetrics.filter((m) => latest.some((c) => c.levels.has(m)));
  const ends = [...new Set(latest.map((c) => c.quarterEnd).filter(Boolean))].sort();
  const rows = latest.map(
    (c) =>
      `<tr><td class="nw"><a href="#${tickerAnchor(c.ticker)}">${e(c.ticker)}</a> <span class="dim">${e(c.callPeriod)}</span></td><td class="nw">${e(c.quarterEnd ?? '')}</td>` +
      metrics.map((m) => {
        const l = c.levels.get(m);
        return `<td class="n">${l ? valueCell(ctx, l.chosen_fact_id, l.value, l.value_high, l.unit) : ''}</td>`;
      }).join('') + '</tr>',
  );
  const note =
    ends.length > 1
      ? `Fiscal calendars differ: the latest quarters end on ${ends.length} different days, from ${e(ends[0])} to ${e(ends.at(-1)!)}; rows are sorted by that day, latest first.`
      : ends.length === 1 ? `Every latest quarter ends on ${e(ends[0])}.` : '';
  return (
    '<section id="compare"><h2>Latest quarter, company by company</h2>' +
    `<p>Each company's latest call: the actual, company-wide level of each core metric (a flow for the quarter, a stock at its end). ${note} ` +
    'Hover a value for the figure as stored and the words it came from; click it for the quote.</p>' +
    `<div class="scroll"><table class="compare"><thead><tr><th>company, call</th><th>quarter ended</th>${metrics.map((m) => `<th class="r">${e(metricLabel(m))}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>` +
    chartGrid(charts) +
    '</section>'
  );
}

function chartGrid(charts: readonly RenderedChart[]): string {
  if (charts.length === 0) return '';
  return `<div class="charts">${charts.map(({ chart, svg }) => `<figure class="chart" data-chart="${e(chart.id)}" role="img" aria-label="${e(chart.title)}">${svg}</figure>`).join('')}</div>`;
}

/** A company's latest calls quarter by quarter: the core metrics as a table, beside the charts. */
function trendTable(ctx: Context, ticker: string, periods: readonly string[]): string {
  const byCall = periods.slice(-trendCallsPerCompany).map((p) => ({ period: p, levels: levelsOf(ctx, ticker, p) }));
  const metrics = coreMetrics.filter((m) => byCall.some((c) => c.levels.has(m)));
  if (metrics.length === 0) return '';
  const rows = byCall
    .slice()
    .reverse()
    .map((c) => {
      const end = [...c.levels.values()][0]?.quarter_end ?? '';
      const shown = ctx.docsByCall.has(callKey(ticker, c.period)) && periods.slice(-callsShownPerCompany).includes(c.period);
      return (
        `<tr><td class="nw">${shown ? `<a href="#${callAnchor(ticker, c.period)}">${e(c.period)}</a>` : e(c.period)}</td><td class="nw">${e(end)}</td>` +
        metrics.map((m) => {
          const l = c.levels.get(m);
          return `<td class="n">${l ? valueCell(ctx, l.chosen_fact_id, l.value, l.value_high, l.unit) : ''}</td>`;
        }).join('') + '</tr>'
      );
    });
  return (
    `<div class="scroll"><table class="trend"><thead><tr><th>call</th><th>quarter ended</th>${metrics.map((m) => `<th class="r">${e(metricLabel(m))}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>` +
    (periods.length > trendCallsPerCompany
      ? `<p class="dim">The ${trendCallsPerCompany} latest of ${periods.length} calls; every call is in <code>hashkpi.duckdb</code> (<code>kpi_wide</code>) and <code>csv/kpi_wide.csv</code>.</p>`
      : '')
  );
}

/** The issues of one call, each placed beside the KPI rows it concerns, the rest kept apart. */
function placeIssues(callKpis: readonly Kpi[], issues: readonly Issue[]): { byKpi: Map<Kpi, Issue[]>; unplaced: Issue[] } {
  const byKpi = new Map<Kpi, Issue[]>();
  const unplaced: Issue[] = [];
  for (const issue of issues) {
    const factIds = new Set((issue.fact_ids ?? '').split(';').map((s) => s.trim()).filter(Boolean));
    let concerned = callKpis.filter((k) => factIds.has(k.chosen_fact_id));
    if (concerned.length === 0 && issue.metric) concerned = callKpis.filter((k) => k.metric === issue.metric && k.basis === 'actual' && k.change_kind === null);
    if (concerned.length === 0) unplaced.push(issue);
    for (const k of concerned) byKpi.set(k, [...(byKpi.get(k) ?? []), issue]);
  }
  return { byKpi, unplaced };
}

const kpiOrder = (a: Kpi, b: Kpi) =>
  metricRank(a.metric) - metricRank(b.metric) ||
  (basisOrder[a.basis] ?? 9) - (basisOrder[b.basis] ?? 9) ||
  Number(a.change_kind !== null) - Number(b.change_kind !== null) ||
  Number(a.entity !== null) - Number(b.entity !== null) ||
  (a.entity ?? '').localeCompare(b.entity ?? '') ||
  (a.change_kind ?? '').localeCompare(b.change_kind ?? '') ||
  a.period.localeCompare(b.period);

const changeNames: Record<string, string> = { yoy: 'vs year ago', qoq: 'vs prior quarter', since: 'change since' };

function kpiTable(ctx: Context, callKpis: readonly Kpi[], byKpi: Map<Kpi, Issue[]>): string {
  let previous = '';
  const rows = callKpis.map((k) => {
    const issues = byKpi.get(k) ?? [];
    const worst = worstOf(issues);
    const label = k.metric === previous ? '' : e(metricLabel(k.metric));
    previous = k.metric;
    const change = k.change_kind ? `${changeNames[k.change_kind] ?? k.change_kind}` : '';
    const statements = k.statements > 1 ? `said ${k.statements}×${k.disagreeing ? `, <b class="error">${k.disagreeing} differ</b>` : ''}` : '';
    const confidence = ctx.quotes.get(k.chosen_fact_id)?.confidence;
    const how = [k.qualifier === 'exact' ? '' : k.qualifier.replace('_', ' '), confidence ? `${confidence} confidence` : ''].filter(Boolean).join(', ');
    return (
      `<tr${worst ? ` class="${worst}"` : ''}><th scope="row">${label}</th><td>${e(k.period)}</td><td>${e(k.basis)}</td><td>${e(change)}</td><td>${e(k.entity ?? '')}</td>` +
      `<td>${valueCell(ctx, k.chosen_fact_id, k.value, k.value_high, k.unit, k.change_kind !== null)}</td><td>${e(how)}${statements ? `<br>${statements}` : ''}</td>` +
      `<td>${issueList(issues)}</td></tr>`
    );
  });
  return (
    '<div class="scroll"><table class="kpis"><colgroup><col style="width:12%"><col style="width:10%"><col style="width:8%"><col style="width:9%"><col style="width:8%"><col style="width:11%"><col style="width:12%"><col></colgroup><thead><tr><th>metric</th><th>period</th><th>basis</th><th>change</th><th>entity</th><th class="r">value</th>' +
    '<th title="qualifier of the chosen statement, its confidence, and how many statements of the value the call has and how many differ beyond rounding">how said</th><th>issues</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

/** The sentence with each quote marked, each piece escaped. */
function markedSentence(sentence: string, quotes: readonly Quote[]): string {
  let out = '';
  let at = 0;
  for (const q of quotes) {
    const found = q.quote ? sentence.indexOf(q.quote, at) : -1;
    if (found < 0) continue;
    out += `${e(sentence.slice(at, found))}<mark title="${e(metricLabel(q.metric))}">${e(q.quote)}</mark>`;
    at = found + q.quote.length;
  }
  return out + e(sentence.slice(at));
}

/** The chosen values' quotes, one item per sentence, with an anchor for each fact in it. */
function quoteList(ctx: Context, callKpis: readonly Kpi[]): string {
  const facts = [...new Set(callKpis.map((k) => k.chosen_fact_id))].map((id) => ctx.quotes.get(id)).filter((q): q is Quote => q !== undefined);
  facts.sort((a, b) => (a.source_path ?? '').localeCompare(b.source_path ?? '') || a.char_start - b.char_start);
  const bySentence = groupBy(facts, (q) => `${q.source_path}\u0000${q.paragraph_index}\u0000${q.sentence}`);
  const items = [...bySentence.values()].map((group) => {
    const q = group[0];
    const who = [q.speaker, q.speaker_title].filter(Boolean).join(', ') || 'speaker unknown';
    const anchors = group.slice(1).map((g) => `<span id="${factAnchor(g.fact_id)}"></span>`).join('');
    return (
      `<li id="${factAnchor(q.fact_id)}">${anchors}<blockquote>${markedSentence(q.sentence, group)}</blockquote>` +
      `<p class="dim">— ${e(who)}, ${e(sectionNames[q.section] ?? q.section)}, ${e(q.source_path ?? '')} ¶${q.paragraph_index}</p></li>`
    );
  });
  return items.length ? `<details class="quotes" open><summary>Quotes of the values above</summary><ol>${items.join('')}</ol></details>` : '';
}

function translationSection(checks: readonly Row<typeof translationChecks>[]): string {
  if (checks.length === 0) return '';
  const count = (s: string) => checks.filter((c) => c.status === s).length;
  const problems = count('mismatch') + count('missing');
  // a match needs no reading; only what the translation got wrong is listed, with why
  const rows = checks.filter((c) => c.status !== 'match').map(
    (c) =>
      `<tr class="${c.status === 'mismatch' ? 'error' : 'warning'}"><td class="n">${c.paragraph_index}</td><td>${e(c.status)}</td><td>${e((c.reasons ?? '').split(';').filter(Boolean).join(', '))}</td>` +
      `<td>${e(c.en_surface)}</td><td>${e(c.zh_surface ?? '')}</td><td>${e(c.explanation ?? (c.status === 'missing' ? 'No Chinese quantity of this value in the translation of the paragraph.' : ''))}</td></tr>`,
  );
  return (
    `<details class="translation"${problems ? ' open' : ''}><summary>Translation checks: ${count('match')} match, ${count('mismatch')} mismatch, ${count('missing')} missing</summary>` +
    (rows.length ? `<div class="scroll"><table><thead><tr><th>¶</th><th>status</th><th>reason</th><th>English</th><th>Chinese</th><th>what differs</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>` : '') +
    '</details>'
  );
}

function callSection(ctx: Context, ticker: string, callPeriod: string): string {
  const docs = ctx.docsByCall.get(callKey(ticker, callPeriod)) ?? [];
  const callKpis = [...(ctx.kpisByCall.get(callKey(ticker, callPeriod)) ?? [])].sort(kpiOrder);
  const { byKpi, unplaced } = placeIssues(callKpis, docs.flatMap((d) => ctx.issuesByDoc.get(d.doc_id) ?? []));
  const quarterEnd = docs.find((d) => d.quarter_end)?.quarter_end;
  const sources = docs.map((d) => `${e(d.source_path)}${d.call_date ? ` (call held ${e(d.call_date)})` : ''}`).join('; ');
  return (
    `<section class="call" id="${callAnchor(ticker, callPeriod)}"><h3>${e(ticker)} · ${e(callPeriod)} call${quarterEnd ? ` <span class="dim">quarter ended ${e(quarterEnd)}</span>` : ''}</h3>` +
    (sources ? `<p class="dim">From ${sources}.</p>` : '') +
    (callKpis.length ? kpiTable(ctx, callKpis, byKpi) : '<p class="dim">No KPI values.</p>') +
    (unplaced.length ? `<h4>Other issues of this call</h4>${issueList(unplaced)}` : '') +
    translationSection(docs.flatMap((d) => ctx.checksByDoc.get(d.doc_id) ?? [])) +
    quoteList(ctx, callKpis) +
    '</section>'
  );
}

function documentsTable(docs: readonly Document[]): string {
  const rows = docs.map(
    (d) =>
      `<tr><td>${e(d.source_path)}</td><td>${e(d.format)}</td><td>${e(d.company ?? '')}</td><td>${d.ticker ? `<a href="#${tickerAnchor(d.ticker)}">${e(d.ticker)}</a>` : ''}</td>` +
      `<td>${e(d.call_period ?? '')}</td><td class="nw">${e(d.quarter_end ?? '')}</td><td class="nw">${e(d.call_date ?? '')}</td><td class="n">${d.paragraph_count}</td></tr>`,
  );
  return `<div class="scroll"><table><thead><tr><th>file</th><th>layout</th><th>company</th><th>ticker</th><th>call</th><th>quarter ended</th><th>call date</th><th class="r">paragraphs</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function problemsSection(rows: ReportRows, tickers: readonly string[]): string {
  const docsWithCall = new Set(rows.documents.filter((d) => d.ticker && d.call_period && tickers.includes(d.ticker)).map((d) => d.doc_id));
  const elsewhere = rows.validationIssues.filter((i) => !i.doc_id || !docsWithCall.has(i.doc_id));
  const ingest = rows.ingestErrors.map(
    (i) => `<tr class="${e(i.severity)}"><td>${e(i.source_path)}</td><td>${e(i.problem)}</td><td>${e(i.severity)}</td><td>${e(i.action)}</td><td>${e(i.message)}</td></tr>`,
  );
  return (
    '<section id="problems"><h2>Input problems</h2>' +
    (ingest.length
      ? `<div class="scroll"><table><thead><tr><th>file</th><th>problem</th><th>severity</th><th>action</th><th>message</th></tr></thead><tbody>${ingest.join('')}</tbody></table></div>`
      : '<p class="dim">No problem with an input file.</p>') +
    (elsewhere.length ? `<h3>Issues not tied to a company's call</h3>${issueList(elsewhere)}` : '') +
    '</section>'
  );
}

const style = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:1280px;padding:0 1.25rem 4rem;color:#1d2430}
h1{margin:1.2rem 0 .4rem}h2{border-bottom:2px solid #d9dee7;padding-bottom:.2rem;margin-top:2.2rem}h3{margin:1.8rem 0 .3rem}h4{margin:.8rem 0 .2rem}
a{color:#1d5fbf;text-decoration:none}a:hover{text-decoration:underline}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.4rem 0;font-size:13px}th,td{border-bottom:1px solid #e3e7ee;padding:.2rem .45rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
thead th{background:#f3f5f9;position:sticky;top:0;vertical-align:bottom}tbody th{font-weight:600;white-space:nowrap}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}th.r{text-align:right}.nw{white-space:nowrap}
table.compare th,table.compare td{padding:.2rem .35rem}table.kpis{width:100%;table-layout:fixed}table.kpis th,table.kpis td{white-space:normal}table.kpis td:nth-child(6){text-align:right;font-variant-numeric:tabular-nums}table.kpis td:last-child{font-size:12px}.issues li.info{color:#6b7480}
tr.error{background:#fdecec}tr.warning{background:#fff7e0}b.error{color:#a4161a}
sup{font-weight:bold;margin-left:2px;cursor:help;line-height:0}sup.error{color:#a4161a}sup.warning{color:#b07b00}
.chart text{font-family:sans-serif}.charts{display:flex;flex-wrap:wrap;gap:.75rem;margin:.6rem 0}.chart{margin:0;border:1px solid #e3e7ee;border-radius:6px;padding:.3rem;max-width:100%;overflow-x:auto}
.issues{margin:0;padding-left:1rem}.issues li.error::marker{color:#a4161a}.issues li.warning::marker{color:#e0a100}
.dim{color:#6b7480;font-weight:normal}
.quotes ol{padding-left:2.6rem}.quotes li{margin:.45rem 0}.quotes p{margin:0}
blockquote{margin:.1rem 0;padding-left:.6rem;border-left:3px solid #d9dee7}mark{background:#fff1a8}:target{outline:2px solid #2f6fde}
summary{cursor:pointer;color:#39414d;margin:.4rem 0}
nav ul{columns:4 12rem;list-style:none;padding:0;margin:.3rem 0}
section.company,#problems,#documents{content-visibility:auto;contain-intrinsic-size:auto 3000px}`;

/** The page as one string. */
export const reportPage = (rows: ReportRows, charts: ReportCharts): string => [...reportPageParts(rows, charts)].join('');

/**
 * The page in the order it is written, a company at a time: a page of many calls is written
 * without ever being one string.
 */
export function* reportPageParts(rows: ReportRows, charts: ReportCharts): Generator<string> {
  const calls = companyCalls(rows);
  const tickers = [...calls.keys()];
  const shownCalls = (ticker: string) => (calls.get(ticker) ?? []).slice(-callsShownPerCompany);
  const kpisByCall = groupBy(rows.kpis, (k) => callKey(k.ticker, k.call_period));
  const quoted = new Set(tickers.flatMap((t) => shownCalls(t).flatMap((c) => (kpisByCall.get(callKey(t, c)) ?? []).map((k) => k.chosen_fact_id))));
  const issuesByFact = new Map<string, Issue[]>();
  for (const issue of rows.validationIssues) {
    for (const id of (issue.fact_ids ?? '').split(';').map((s) => s.trim()).filter(Boolean)) issuesByFact.set(id, [...(issuesByFact.get(id) ?? []), issue]);
  }
  const ctx: Context = {
    quotes: new Map(rows.quotes.map((q) => [q.fact_id, q])),
    quoted,
    docsByCall: groupBy(rows.documents, (d) => callKey(d.ticker ?? '', d.call_period ?? '')),
    kpisByCall,
    levelsByCall: groupBy(rows.levels, (l) => callKey(l.ticker, l.call_period)),
    issuesByDoc: groupBy(rows.validationIssues, (i) => i.doc_id ?? ''),
    issuesByFact,
    checksByDoc: groupBy(rows.translationChecks, (c) => c.doc_id),
  };
  const severityCounts = ['error', 'warning', 'info'].map((s) => `${rows.counts.problemsBySeverity[s] ?? 0} ${s}`).join(', ');
  const nav = tickers.map((t) => `<li><a href="#${tickerAnchor(t)}">${e(t)}</a> <span class="dim">${e(calls.get(t)!.at(-1)!)}</span></li>`).join('');
  const companySection = (ticker: string) => {
    const periods = calls.get(ticker) ?? [];
    const company = periods.flatMap((c) => ctx.docsByCall.get(callKey(ticker, c)) ?? []).find((d) => d.company)?.company;
    return (
      `<section class="company" id="${tickerAnchor(ticker)}"><h2>${e(ticker)}${company ? ` — ${e(company)}` : ''} <span class="dim">${periods.length} ${periods.length === 1 ? 'call' : 'calls'}</span></h2>` +
      trendTable(ctx, ticker, periods) +
      chartGrid(charts.byTicker.get(ticker) ?? []) +
      (periods.length > callsShownPerCompany
        ? `<p class="dim">The ${callsShownPerCompany} latest of ${periods.length} calls are shown in full; every call is in <code>hashkpi.duckdb</code> and the CSV files.</p>`
        : '') +
      shownCalls(ticker).map((c) => callSection(ctx, ticker, c)).join('') +
      '</section>'
    );
  };
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>hashkpi report</title>
<style>${style}</style>
</head>
<body>
<h1>hashkpi report</h1>
<p>${rows.documents.length} documents, ${tickers.length} companies, ${rows.counts.kpis} KPI values; problems: ${e(severityCounts)}.
Values are in the units the industry reads (EH/s, J/TH, $M and $B, BTC); hover one for the figure as stored, the words and the speaker, click it for the quote.
A <sup class="warning">!</sup> marks a value with a warning. The same data is in <code>hashkpi.duckdb</code> (<code>kpis</code>, <code>facts</code>, <code>kpi_wide</code>, <code>fact_sources</code>); <code>hashkpi explain</code> says why a value was chosen.</p>
<nav><ul>${nav}</ul></nav>
${comparisonSection(ctx, calls, charts.comparison)}
`;
  for (const [i, ticker] of tickers.entries()) yield `${i ? '\n' : ''}${companySection(ticker)}`;
  yield `
${problemsSection(rows, tickers)}
<section id="documents"><h2>Documents</h2>${documentsTable(rows.documents)}</section>
</body>
</html>
`;
}
