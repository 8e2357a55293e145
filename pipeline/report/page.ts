import type { Row } from '../../schemas/columns.ts';
import type { documents, kpis, translationChecks, validationIssues } from '../../schemas/index.ts';
import type { ChartSpec } from './charts.ts';
import { anchorId, escapeHtml as e } from './escape.ts';
import { companyCalls, type Quote, type ReportRows } from './report-rows.ts';
import { groupBy } from '../group-by.ts';

type Kpi = Row<typeof kpis>;
type Issue = Row<typeof validationIssues>;
type Document = Row<typeof documents>;

export interface RenderedChart {
  chart: ChartSpec;
  /** null when the company states none of the chart's values */
  svg: string | null;
  /** the company's call quarters */
  quarters: readonly string[];
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? '' : numberFormat.format(n));
const formatValue = (k: Pick<Kpi, 'value' | 'value_high'>) => (k.value_high === null ? formatNumber(k.value) : `${formatNumber(k.value)} – ${formatNumber(k.value_high)}`);
const sectionNames: Record<string, string> = { prepared_remarks: 'prepared remarks', qa: 'Q&A', summary: 'summary' };
const factAnchor = (factId: string) => anchorId('fact', factId);
const kpiAnchor = (k: Kpi) => anchorId('kpi', k.ticker, k.call_period, k.metric, k.period, k.basis, k.change_kind ?? '', k.entity ?? '');
const callAnchor = (ticker: string, callPeriod: string) => anchorId('call', ticker, callPeriod);
const tickerAnchor = (ticker: string) => anchorId('ticker', ticker);

/** The issues of one call, each placed beside the KPI rows it concerns, the rest kept apart. */
function placeIssues(callKpis: readonly Kpi[], issues: readonly Issue[]): { byKpi: Map<Kpi, Issue[]>; unplaced: Issue[] } {
  const byKpi = new Map<Kpi, Issue[]>();
  const unplaced: Issue[] = [];
  for (const issue of issues) {
    const factIds = new Set((issue.fact_ids ?? '').split(';').map((s) => s.trim()).filter(Boolean));
    let concerned = callKpis.filter((k) => factIds.has(k.chosen_fact_id));
    if (concerned.length === 0 && issue.metric) concerned = callKpis.filter((k) => k.metric === issue.metric);
    if (concerned.length === 0) unplaced.push(issue);
    for (const k of concerned) byKpi.set(k, [...(byKpi.get(k) ?? []), issue]);
  }
  return { byKpi, unplaced };
}

function issueList(issues: readonly Issue[]): string {
  if (issues.length === 0) return '';
  const items = issues.map((i) => {
    const detail = [i.expected !== null ? `expected ${i.expected}` : '', i.actual !== null ? `found ${i.actual}` : ''].filter(Boolean).join(', ');
    return `<li class="severity-${e(i.severity)}"><span class="badge">${e(i.severity)}</span> <b>${e(i.check)}</b>: ${e(i.message)}${detail ? ` <span class="detail">(${e(detail)})</span>` : ''}</li>`;
  });
  return `<ul class="issues">${items.join('')}</ul>`;
}

function kpiTable(callKpis: readonly Kpi[], byKpi: Map<Kpi, Issue[]>, quotes: Map<string, Quote>): string {
  const rows = callKpis.map((k) => {
    const issues = byKpi.get(k) ?? [];
    const worst = issues.some((i) => i.severity === 'error') ? 'error' : issues.some((i) => i.severity === 'warning') ? 'warning' : '';
    const value = quotes.has(k.chosen_fact_id) ? `<a href="#${factAnchor(k.chosen_fact_id)}" title="${e(quotes.get(k.chosen_fact_id)!.quote)}">${e(formatValue(k))}</a>` : e(formatValue(k));
    return (
      `<tr id="${kpiAnchor(k)}"${worst ? ` class="has-${worst}"` : ''}>` +
      `<td>${e(k.metric)}</td><td>${e(k.period)}</td><td>${e(k.basis)}</td><td>${e(k.change_kind)}</td><td>${e(k.entity)}</td>` +
      `<td class="num">${value}</td><td>${e(k.unit)}</td><td>${e(k.qualifier)}</td>` +
      `<td class="num">${k.statements}</td><td class="num${k.disagreeing > 0 ? ' disagree' : ''}">${k.disagreeing}</td>` +
      `<td>${e(k.speaker)}</td><td>${issueList(issues)}</td></tr>`
    );
  });
  return (
    '<table class="kpis"><thead><tr><th>metric</th><th>period</th><th>basis</th><th>change</th><th>entity</th><th>value</th><th>unit</th>' +
    '<th>qualifier</th><th title="facts stating it">statements</th><th title="statements whose value differs beyond rounding">disagreeing</th><th>said by</th><th>issues</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table>`
  );
}

/** The sentence with the quote marked, each piece escaped. */
function markedSentence(q: Quote): string {
  const at = q.sentence.indexOf(q.quote);
  if (at < 0 || !q.quote) return e(q.sentence);
  return `${e(q.sentence.slice(0, at))}<mark>${e(q.quote)}</mark>${e(q.sentence.slice(at + q.quote.length))}`;
}

function quoteList(callKpis: readonly Kpi[], quotes: Map<string, Quote>): string {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const k of callKpis) {
    const q = quotes.get(k.chosen_fact_id);
    if (!q || seen.has(q.fact_id)) continue;
    seen.add(q.fact_id);
    const who = [q.speaker, q.speaker_title, q.speaker_organization].filter(Boolean).join(', ') || 'speaker unknown';
    const where = [sectionNames[q.section] ?? q.section, q.source_path ? `${q.source_path} ¶${q.paragraph_index}` : ''].filter(Boolean).join(' · ');
    items.push(
      `<li id="${factAnchor(q.fact_id)}"><p class="quote">“${e(q.quote)}” <span class="metric">${e(k.metric)} = ${e(formatValue(k))} ${e(k.unit)}</span></p>` +
        `<blockquote>${markedSentence(q)}</blockquote>` +
        `<p class="who">— ${e(who)} <span class="where">(${e(where)})</span> <a href="#${kpiAnchor(k)}">back to the value</a></p></li>`,
    );
  }
  return items.length ? `<ol class="quotes">${items.join('\n')}</ol>` : '<p class="none">No quotes.</p>';
}

function translationSection(checks: readonly Row<typeof translationChecks>[]): string {
  if (checks.length === 0) return '';
  const count = (s: string) => checks.filter((c) => c.status === s).length;
  const problems = count('mismatch') + count('missing');
  // a match needs no reading; only what the translation got wrong is listed, with why
  const rows = checks.filter((c) => c.status !== 'match').map(
    (c) =>
      `<tr class="status-${e(c.status)}"><td class="num">${c.paragraph_index}</td><td>${e(c.status)}</td><td>${e((c.reasons ?? '').split(';').filter(Boolean).join(', '))}</td>` +
      `<td>${e(c.en_surface)}</td><td>${e(c.zh_surface)}</td><td>${e(c.explanation ?? (c.status === 'missing' ? 'No Chinese quantity of this value in the translation of the paragraph.' : ''))}</td></tr>`,
  );
  return (
    `<details class="translation"${problems ? ' open' : ''}><summary>Translation checks: ${count('match')} match, ${count('mismatch')} mismatch, ${count('missing')} missing (the table lists the mismatches, with the reason, and the omissions)</summary>` +
    '<table><thead><tr><th>¶</th><th>status</th><th>reason</th><th>English</th><th>Chinese</th><th>what differs</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table></details>`
  );
}

/** Rows grouped once by call and by document, so that a section per call costs its own rows only. */
interface Indexed {
  docsByCall: Map<string, Document[]>;
  kpisByCall: Map<string, Kpi[]>;
  issuesByDoc: Map<string, Issue[]>;
  checksByDoc: Map<string, Row<typeof translationChecks>[]>;
}


function callSection(ticker: string, callPeriod: string, indexed: Indexed, quotes: Map<string, Quote>): string {
  const docs = indexed.docsByCall.get(`${ticker}\u0000${callPeriod}`) ?? [];
  const callKpis = indexed.kpisByCall.get(`${ticker}\u0000${callPeriod}`) ?? [];
  const { byKpi, unplaced } = placeIssues(callKpis, docs.flatMap((d) => indexed.issuesByDoc.get(d.doc_id) ?? []));
  const sources = docs.map((d) => `${e(d.source_path)}${d.call_date ? ` (call held ${e(d.call_date)})` : ''}`).join('; ');
  return (
    `<section class="call" id="${callAnchor(ticker, callPeriod)}"><h3>${e(ticker)} · ${e(callPeriod)} call</h3>` +
    (sources ? `<p class="sources">From ${sources}.</p>` : '') +
    (callKpis.length ? kpiTable(callKpis, byKpi, quotes) : '<p class="none">No KPI values.</p>') +
    (unplaced.length ? `<h4>Other issues of this call</h4>${issueList(unplaced)}` : '') +
    translationSection(docs.flatMap((d) => indexed.checksByDoc.get(d.doc_id) ?? [])) +
    `<h4>Quotes</h4>${quoteList(callKpis, quotes)}</section>`
  );
}

function chartGrid(rendered: readonly RenderedChart[]): string {
  const figures = rendered.map(({ chart, svg, quarters }) =>
    svg
      ? `<figure class="chart" data-chart="${e(chart.id)}">${svg}${quarters.length === 1 ? `<figcaption>${e(quarters[0])} call</figcaption>` : ''}</figure>`
      : `<figure class="chart empty" data-chart="${e(chart.id)}"><figcaption>${e(chart.title)}: not stated</figcaption></figure>`,
  );
  return `<div class="charts">${figures.join('\n')}</div>`;
}

function documentsTable(docs: readonly Document[]): string {
  const rows = docs.map(
    (d) =>
      `<tr><td>${e(d.source_path)}</td><td>${e(d.format)}</td><td>${e(d.company)}</td><td>${d.ticker && d.call_period ? `<a href="#${callAnchor(d.ticker, d.call_period)}">${e(d.ticker)}</a>` : e(d.ticker)}</td>` +
      `<td>${e(d.call_period)}</td><td>${e(d.call_date)}</td><td class="num">${d.paragraph_count}</td></tr>`,
  );
  return `<table><thead><tr><th>file</th><th>layout</th><th>company</th><th>ticker</th><th>call quarter</th><th>call date</th><th>paragraphs</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function problemsSection(rows: ReportRows, tickers: readonly string[]): string {
  const docsWithCall = new Set(rows.documents.filter((d) => d.ticker && d.call_period && tickers.includes(d.ticker)).map((d) => d.doc_id));
  const elsewhere = rows.validationIssues.filter((i) => !i.doc_id || !docsWithCall.has(i.doc_id));
  const ingest = rows.ingestErrors.map(
    (i) => `<tr class="severity-${e(i.severity)}"><td>${e(i.source_path)}</td><td>${e(i.problem)}</td><td>${e(i.severity)}</td><td>${e(i.action)}</td><td>${e(i.message)}</td></tr>`,
  );
  return (
    '<section id="problems"><h2>Input problems</h2>' +
    (ingest.length
      ? `<table><thead><tr><th>file</th><th>problem</th><th>severity</th><th>action</th><th>message</th></tr></thead><tbody>${ingest.join('\n')}</tbody></table>`
      : '<p class="none">No problem with an input file.</p>') +
    (elsewhere.length ? `<h3>Issues not tied to a company's call</h3>${issueList(elsewhere)}` : '') +
    '</section>'
  );
}

const style = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:1200px;padding:0 1.5rem 4rem;color:#1d2430}
h1{margin-top:1.5rem}h2{border-bottom:2px solid #d9dee7;padding-bottom:.2rem;margin-top:2.5rem}h3{margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:13px}th,td{border-bottom:1px solid #e3e7ee;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f5f9;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.kpis td:nth-child(2){white-space:nowrap}table.kpis td:last-child{min-width:18rem}
td.disagree{color:#a4161a;font-weight:bold}tr.has-error{background:#fdecec}tr.has-warning{background:#fff7e0}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{margin:0;border:1px solid #e3e7ee;border-radius:6px;padding:.4rem}.chart.empty{color:#6b7480;padding:1rem}.chart figcaption{text-align:center;font-size:12px;color:#6b7480}
.issues{margin:0;padding-left:1rem}.badge{font-size:11px;text-transform:uppercase;border-radius:3px;padding:0 .3rem;background:#e3e7ee}
.severity-error .badge{background:#a4161a;color:#fff}.severity-warning .badge{background:#f2b705}.detail,.where,.sources,.none{color:#6b7480}
.quotes li{margin:.6rem 0}.quote{margin:0;font-weight:600}.metric{font-weight:normal;color:#6b7480;margin-left:.5rem}
blockquote{margin:.2rem 0 .2rem 1rem;padding-left:.6rem;border-left:3px solid #d9dee7}mark{background:#fff1a8}.who{margin:0}
.status-mismatch{background:#fdecec}.status-missing{background:#fff7e0}:target{outline:2px solid #2f6fde}
nav ul{columns:3;list-style:none;padding:0}`;

/**
 * A company's latest calls are shown in full; older ones stay in the charts and in the dataset.
 * A year of calls is what an analyst reads on a page, and it keeps the page light for a research
 * team's thousands of transcripts.
 */
const callsShownPerCompany = 4;

export function reportPage(rows: ReportRows, chartsByTicker: ReadonlyMap<string, readonly RenderedChart[]>): string {
  const calls = companyCalls(rows);
  const tickers = [...calls.keys()];
  const callsOf = (ticker: string) => calls.get(ticker) ?? [];
  const quotes = new Map(rows.quotes.map((q) => [q.fact_id, q]));
  const indexed: Indexed = {
    docsByCall: groupBy(rows.documents, (d) => `${d.ticker}\u0000${d.call_period}`),
    kpisByCall: groupBy(rows.kpis, (k) => `${k.ticker}\u0000${k.call_period}`),
    issuesByDoc: groupBy(rows.validationIssues, (i) => i.doc_id ?? ''),
    checksByDoc: groupBy(rows.translationChecks, (c) => c.doc_id),
  };
  const severityCounts = ['error', 'warning', 'info']
    .map((s) => `${rows.validationIssues.filter((i) => i.severity === s).length + rows.ingestErrors.filter((i) => i.severity === s).length} ${s}`)
    .join(', ');
  const shownCalls = (ticker: string) => callsOf(ticker).slice(-callsShownPerCompany);
  const nav = tickers
    .map((t) => `<li><a href="#${tickerAnchor(t)}">${e(t)}</a>: ${shownCalls(t).map((c) => `<a href="#${callAnchor(t, c)}">${e(c)}</a>`).join(' ')}</li>`)
    .join('');
  const companies = tickers.map((ticker) => {
    const company = callsOf(ticker).flatMap((c) => indexed.docsByCall.get(`${ticker}\u0000${c}`) ?? []).find((d) => d.company)?.company;
    return (
      `<section class="company" id="${tickerAnchor(ticker)}"><h2>${e(ticker)}${company ? ` — ${e(company)}` : ''}</h2>` +
      chartGrid(chartsByTicker.get(ticker) ?? []) +
      (callsOf(ticker).length > callsShownPerCompany
        ? `<p class="sources">The ${callsShownPerCompany} latest of ${callsOf(ticker).length} calls are shown; every call is in <code>hashkpi.duckdb</code> and the CSV files.</p>`
        : '') +
      shownCalls(ticker).map((c) => callSection(ticker, c, indexed, quotes)).join('\n') +
      '</section>'
    );
  });
  return `<!DOCTYPE html>
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
<p>${rows.documents.length} documents, ${tickers.length} companies, ${rows.kpis.length} KPI values, ${rows.quotes.length} quotes; problems: ${e(severityCounts)}.
Each value links to the words it came from; the same data is in <code>hashkpi.duckdb</code> (tables <code>kpis</code>, <code>facts</code>, view <code>fact_sources</code>).</p>
<nav><h2>Companies</h2><ul>${nav}</ul></nav>
${companies.join('\n')}
${problemsSection(rows, tickers)}
<section id="documents"><h2>Documents</h2>${documentsTable(rows.documents)}</section>
</body>
</html>
`;
}
