import path from 'node:path';
import { listTranscriptFiles, readTranscriptBytes } from '../pipeline/ingest/read-folder.ts';
import { processTranscript } from '../pipeline/process-transcript.ts';
import { readGold } from './gold.ts';
import { samePeriod } from '../pipeline/fiscal-calendar.ts';
import { evaluate, type ScoredFact } from './score.ts';

/**
 * `make eval`: facts of the sample transcripts against test/gold/facts.csv; `--verbose` lists the
 * misses; `--gold FILE --transcripts DIR` scores another annotated set (the held-out one).
 */
const root = path.resolve(import.meta.dirname, '..');
const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
};
const transcripts = option('--transcripts', path.join(root, 'transcripts'));
const verbose = process.argv.includes('--verbose');

const gold = readGold(option('--gold', path.join(root, 'test', 'gold', 'facts.csv')), transcripts);
const facts: ScoredFact[] = [];
const calendars = new Map<string, { fiscalYearEndMonth: number; callPeriod: string; callDate: string }>();
for (const file of await listTranscriptFiles(transcripts)) {
  const rows = processTranscript(file, readTranscriptBytes(transcripts, file));
  facts.push(...rows.facts.map((f) => ({ ...f, source_path: file })));
  const d = rows.documents[0];
  // periods are compared as the contract judges them, under each call's own calendar (the call day, where unknown, is its quarter's end)
  if (d?.fiscal_year_end_month && d.call_period && d.quarter_end) calendars.set(file, { fiscalYearEndMonth: d.fiscal_year_end_month, callPeriod: d.call_period, callDate: d.call_date ?? d.quarter_end });
}
const result = evaluate(gold, facts, (source, a, b) => samePeriod(a, b, calendars.get(source) ?? null));
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
console.log(`${'metric'.padEnd(22)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  precision recall    F1`);
for (const m of [...result.byMetric, result.overall]) {
  console.log(`${m.metric.padEnd(22)} ${String(m.truePositives).padStart(4)} ${String(m.falsePositives).padStart(4)} ${String(m.falseNegatives).padStart(4)}  ${pct(m.precision)}%   ${pct(m.recall)}% ${pct(m.f1)}%`);
}
console.log(`period (by the contract's equivalence) agrees on ${pct(result.periodAgreement)}% and basis on ${pct(result.basisAgreement)}% of the right facts`);
if (verbose) {
  for (const f of result.falsePositives) console.log(`FP ${f.source_path} ${f.metric} ${f.value} ${f.unit} ${f.change_kind ?? ''} "${f.quote}"`);
  for (const g of result.falseNegatives) console.log(`FN ${g.source_path} ${g.metric} ${g.value} ${g.unit} ${g.change_kind ?? ''} "${g.quote}"`);
  for (const { gold: g, fact: f } of result.mismatchedPeriodOrBasis) console.log(`PB ${g.source_path} ${g.metric} "${g.quote}" gold ${g.period}/${g.basis} got ${f.period}/${f.basis}`);
}
