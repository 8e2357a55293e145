import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { samePeriod } from '../pipeline/fiscal-calendar.ts';

/**
 * Scores a build's facts against the careful annotations of real calls (`../shared/corpus/gold`)
 * by the contract's rule, as the reference scorer `../shared/eval/score.py` does: quantity, kpi
 * and strict precision, recall and F1, and a class for every error so that a developer sees
 * which rule to write next. The fiscal calendars of `gold/calendar.csv` serve the scoring only.
 */

type CsvRow = Record<string, string>;

export interface GoldRow {
  id: string;
  metric: string;
  value: number | null;
  valueHigh: number | null;
  unit: string;
  changeKind: string;
  period: string;
  basis: string;
  entity: string;
  quote: string;
  start: number;
  end: number;
  optional: boolean;
  note: string;
}

export interface PredictedFact {
  factId: string;
  metric: string;
  value: number | null;
  valueHigh: number | null;
  unit: string;
  changeKind: string;
  period: string;
  basis: string;
  confidence: string;
  quote: string;
  sentence: string;
  start: number;
  end: number;
}

export interface ScoringCalendar {
  fiscalYearEndMonth: number;
  callPeriod: string;
  callDate: string;
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
}

export const errorClasses = ['missed', 'unbound', 'wrong_metric', 'wrong_period', 'wrong_basis', 'wrong_value', 'spurious'] as const;
export type ErrorClass = (typeof errorClasses)[number];

export interface ScoredError {
  /** `gold`: an annotated fact the build did not get right; `extra`: a fact the build wrote that is not right */
  side: 'gold' | 'extra';
  errorClass: ErrorClass;
  metric: string;
  /** what was annotated and what was written, in a line each */
  gold: string | null;
  predicted: string | null;
  sentence: string;
  start: number;
}

export interface CallScore {
  call: string;
  gold: number;
  predicted: number;
  quantity: Figures;
  kpi: Figures;
  strict: Figures;
  /** matched kpi facts (required gold rows) and how many of them have the gold's period (as written, and by the contract's equivalence) and basis */
  kpiMatched: number;
  periodSame: number;
  periodEquivalent: number;
  basisSame: number;
  errors: ScoredError[];
  /** strict precision of the facts at each confidence level */
  byConfidence: { confidence: string; predicted: number; right: number }[];
  /** strict figures when only the facts of these confidence levels are kept: `high`, `high+medium` (what kpis choose among), `all` */
  atConfidence: { levels: string; strict: Figures }[];
}

const norm = (s: string | undefined | null) => (s ?? '').trim().toLowerCase();

const unitAliases: Record<string, string> = {
  'usd/th/s': 'usd/(th/s)',
  'usdper(th/s)': 'usd/(th/s)',
  percent: '%',
  pct: '%',
  count: 'units',
  unit: 'units',
  '°c': 'degc',
  celsius: 'degc',
  'w/th': 'j/th',
  'usd/(ph/s/day)': 'usd/(ph/s)/day',
  'usd/ph/s/day': 'usd/(ph/s)/day',
};
const unitOf = (s: string) => {
  const u = norm(s).replace(/ /g, '');
  return unitAliases[u] ?? u;
};

function numberOf(s: string | undefined): number | null {
  const t = (s ?? '').trim();
  if (t === '') return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === null && b === null;
  return Math.abs(a - b) <= Math.max(1e-9, 0.005 * Math.abs(b));
}

function readCsv(file: string): CsvRow[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, bom: true, relax_column_count: true });
}

/** Reads a gold file; every quote must slice back out of the transcript at its code-point span. */
export function readGoldRows(goldCsv: string, transcriptText: string): GoldRow[] {
  const codePoints = [...transcriptText.replace(/^\uFEFF/, '')];
  return readCsv(goldCsv).map((r) => {
    const start = Number(r.char_start);
    const end = Number(r.char_end);
    if (codePoints.slice(start, end).join('') !== r.quote) throw new Error(`${goldCsv} ${r.id}: quote "${r.quote}" does not slice back at ${start}:${end}`);
    return {
      id: r.id,
      metric: r.metric,
      value: numberOf(r.value),
      valueHigh: numberOf(r.value_high),
      unit: r.unit,
      changeKind: r.change_kind ?? '',
      period: r.period,
      basis: r.basis,
      entity: r.entity ?? '',
      quote: r.quote,
      start,
      end,
      optional: ['1', 'true', 'yes'].includes(norm(r.optional)),
      note: r.note ?? '',
    };
  });
}

/** `gold/calendar.csv`, keyed by `TICKER-YYYYQn`. */
export function readScoringCalendars(goldFolder: string): Map<string, ScoringCalendar> {
  const file = path.join(goldFolder, 'calendar.csv');
  const calendars = new Map<string, ScoringCalendar>();
  if (!existsSync(file)) return calendars;
  for (const r of readCsv(file)) {
    calendars.set(r.call, { fiscalYearEndMonth: Number(r.fiscal_year_end_month), callPeriod: r.call.split('-')[1], callDate: r.call_date });
  }
  return calendars;
}

/** The transcripts of a corpus folder that have a gold file, with their gold file. */
export function annotatedCalls(corpus: string): { transcript: string; gold: string; call: string }[] {
  const goldFolder = path.join(corpus, 'gold');
  if (!existsSync(goldFolder)) return [];
  return readdirSync(corpus)
    .filter((f) => f.endsWith('.txt') && existsSync(path.join(goldFolder, f.replace(/\.txt$/, '.csv'))))
    .sort()
    .map((f) => ({ transcript: path.join(corpus, f), gold: path.join(goldFolder, f.replace(/\.txt$/, '.csv')), call: f.split('.')[0].split('-').slice(0, 2).join('-') }));
}

/** The facts (in the order of `facts.csv`) and English mention spans of one transcript in a built dataset. */
export function readBuiltDocument(out: string, transcriptName: string): { facts: PredictedFact[]; mentions: { start: number; end: number }[] } {
  const documents = readCsv(path.join(out, 'csv', 'documents.csv'));
  const ids = new Set(documents.length === 1 ? [documents[0].doc_id] : documents.filter((d) => Object.values(d).some((v) => (v ?? '').endsWith(transcriptName))).map((d) => d.doc_id));
  const facts = readCsv(path.join(out, 'csv', 'facts.csv'))
    .filter((r) => ids.has(r.doc_id))
    .map((r) => ({
      factId: r.fact_id,
      metric: r.metric,
      value: numberOf(r.value),
      valueHigh: numberOf(r.value_high),
      unit: r.unit,
      changeKind: r.change_kind ?? '',
      period: r.period,
      basis: r.basis,
      confidence: r.confidence ?? '',
      quote: r.quote,
      sentence: r.sentence,
      start: Number.isInteger(Number(r.char_start)) && r.char_start !== '' ? Number(r.char_start) : -1,
      end: Number.isInteger(Number(r.char_end)) && r.char_end !== '' ? Number(r.char_end) : -1,
    }));
  const mentions = readCsv(path.join(out, 'csv', 'mentions.csv'))
    .filter((r) => ids.has(r.doc_id) && r.language === 'en')
    .map((r) => ({ start: Number(r.char_start), end: Number(r.char_end) }));
  return { facts, mentions };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function sameQuantity(p: PredictedFact, g: GoldRow): boolean {
  return overlaps(p, g) && unitOf(p.unit) === unitOf(g.unit) && close(p.value, g.value) && (g.valueHigh === null || close(p.valueHigh, g.valueHigh)) && norm(p.changeKind) === norm(g.changeKind);
}

type Pair = [gold: number, predicted: number];

/** Required gold rows first, so an optional row never takes a prediction a required one needs; each gold row takes the first free prediction. */
function matchPairs(gold: GoldRow[], predicted: PredictedFact[], extra: (p: PredictedFact, g: GoldRow) => boolean): Pair[] {
  const used = new Set<number>();
  const pairs: Pair[] = [];
  const order = gold.map((_, i) => i).sort((a, b) => Number(gold[a].optional) - Number(gold[b].optional) || a - b);
  for (const gi of order) {
    const pi = predicted.findIndex((p, i) => !used.has(i) && sameQuantity(p, gold[gi]) && extra(p, gold[gi]));
    if (pi >= 0) {
      used.add(pi);
      pairs.push([gi, pi]);
    }
  }
  return pairs;
}

function figures(pairs: Pair[], gold: GoldRow[], predictedCount: number): { figures: Figures; predicted: number } {
  const truePositives = pairs.filter(([gi]) => !gold[gi].optional).length;
  const setAside = pairs.length - truePositives;
  const required = gold.filter((g) => !g.optional).length;
  const predicted = predictedCount - setAside;
  const precision = predicted ? truePositives / predicted : 0;
  const recall = required ? truePositives / required : 0;
  return { figures: { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 }, predicted };
}

const describeGold = (g: GoldRow) => `${g.metric} ${g.changeKind ? g.changeKind + ' ' : ''}${g.value ?? ''}${g.valueHigh !== null ? '..' + g.valueHigh : ''} ${g.unit} ${g.period} ${g.basis} «${g.quote}»`;
const describeFact = (p: PredictedFact) => `${p.metric} ${p.changeKind ? p.changeKind + ' ' : ''}${p.value ?? ''}${p.valueHigh !== null ? '..' + p.valueHigh : ''} ${p.unit} ${p.period} ${p.basis}${p.confidence ? ' ' + p.confidence : ''} «${p.quote}»`;

/** Scores one call; the figures equal the reference scorer's. */
export function scoreCall(call: string, transcriptText: string, gold: GoldRow[], predicted: PredictedFact[], mentions: { start: number; end: number }[], calendar: ScoringCalendar | null): CallScore {
  const sameMetric = (p: PredictedFact, g: GoldRow) => norm(p.metric) === norm(g.metric);
  const samePeriodOf = (p: PredictedFact, g: GoldRow) => samePeriod(p.period, g.period, calendar);
  const strictly = (p: PredictedFact, g: GoldRow) => sameMetric(p, g) && norm(p.basis) === norm(g.basis) && samePeriodOf(p, g);

  const quantityPairs = matchPairs(gold, predicted, () => true);
  const kpiPairs = matchPairs(gold, predicted, sameMetric);
  const strictPairs = matchPairs(gold, predicted, strictly);
  const quantity = figures(quantityPairs, gold, predicted.length);
  const kpi = figures(kpiPairs, gold, predicted.length);
  const strict = figures(strictPairs, gold, predicted.length);
  const requiredKpi = kpiPairs.filter(([gi]) => !gold[gi].optional);

  const chars = [...transcriptText.replace(/^\uFEFF/, '')];
  // the sentence around a span, for a reader: back to the line start or a sentence end, on to the next
  const sentenceAt = (start: number, end: number) => {
    let a = start;
    let b = end;
    while (a > 0 && !/[\n]/.test(chars[a - 1]) && !(/[.?!]/.test(chars[a - 1]) && /\s/.test(chars[a] ?? '') && a < start - 1)) a--;
    while (b < chars.length && chars[b] !== '\n' && !(/[.?!]/.test(chars[b]) && /\s|$/.test(chars[b + 1] ?? ''))) b++;
    return chars.slice(a, b + 1).join('').trim();
  };

  const strictGold = new Set(strictPairs.map(([gi]) => gi));
  const strictPredicted = new Set(strictPairs.map(([, pi]) => pi));
  const errors: ScoredError[] = [];
  const mismatch = (p: PredictedFact, g: GoldRow): ErrorClass => {
    if (!sameQuantity(p, g)) return norm(p.metric) === norm(g.metric) || !(overlaps(p, g) && close(p.value, g.value)) ? 'wrong_value' : 'wrong_metric';
    if (!sameMetric(p, g)) return 'wrong_metric';
    if (!samePeriodOf(p, g)) return 'wrong_period';
    return 'wrong_basis';
  };
  // a predicted fact is compared with the gold row it is most like: same quantity and metric first, then same quantity, then any overlap
  const closestGold = (p: PredictedFact, candidates: number[]) =>
    candidates.find((gi) => sameQuantity(p, gold[gi]) && sameMetric(p, gold[gi])) ?? candidates.find((gi) => sameQuantity(p, gold[gi])) ?? candidates[0];
  const closestPredicted = (g: GoldRow, candidates: number[]) =>
    candidates.find((pi) => sameQuantity(predicted[pi], g) && sameMetric(predicted[pi], g)) ?? candidates.find((pi) => sameQuantity(predicted[pi], g)) ?? candidates[0];

  gold.forEach((g, gi) => {
    if (g.optional || strictGold.has(gi)) return;
    const near = predicted.map((p, pi) => (overlaps(p, g) ? pi : -1)).filter((pi) => pi >= 0);
    const pi = closestPredicted(g, near);
    const errorClass = pi !== undefined ? mismatch(predicted[pi], g) : mentions.some((m) => overlaps(m, g)) ? 'unbound' : 'missed';
    errors.push({ side: 'gold', errorClass, metric: g.metric, gold: describeGold(g), predicted: pi !== undefined ? describeFact(predicted[pi]) : null, sentence: sentenceAt(g.start, g.end), start: g.start });
  });
  const setAside = new Set(strictPairs.filter(([gi]) => gold[gi].optional).map(([, pi]) => pi));
  predicted.forEach((p, pi) => {
    if (strictPredicted.has(pi) || setAside.has(pi)) return;
    const near = gold.map((g, gi) => (overlaps(p, g) ? gi : -1)).filter((gi) => gi >= 0);
    const gi = closestGold(p, near);
    const errorClass = gi !== undefined ? mismatch(p, gold[gi]) : 'spurious';
    errors.push({ side: 'extra', errorClass, metric: p.metric, gold: gi !== undefined ? describeGold(gold[gi]) : null, predicted: describeFact(p), sentence: p.sentence, start: p.start });
  });
  errors.sort((a, b) => a.start - b.start || a.side.localeCompare(b.side));

  const levels = [...new Set(predicted.map((p) => p.confidence))].sort();
  const byConfidence = levels.map((confidence) => {
    const at = predicted.map((p, pi) => (p.confidence === confidence ? pi : -1)).filter((pi) => pi >= 0 && !setAside.has(pi));
    return { confidence, predicted: at.length, right: at.filter((pi) => strictPredicted.has(pi)).length };
  });

  return {
    call,
    gold: gold.filter((g) => !g.optional).length,
    predicted: kpi.predicted,
    quantity: quantity.figures,
    kpi: kpi.figures,
    strict: strict.figures,
    kpiMatched: requiredKpi.length,
    periodSame: requiredKpi.filter(([gi, pi]) => norm(predicted[pi].period) === norm(gold[gi].period)).length,
    periodEquivalent: requiredKpi.filter(([gi, pi]) => samePeriodOf(predicted[pi], gold[gi])).length,
    basisSame: requiredKpi.filter(([gi, pi]) => norm(predicted[pi].basis) === norm(gold[gi].basis)).length,
    errors,
    byConfidence,
    atConfidence: [
      ['high', ['high']],
      ['high+medium', ['high', 'medium']],
      ['all', null],
    ].map(([levels, kept]) => {
      const keep = kept as string[] | null;
      const subset = keep ? predicted.filter((p) => keep.includes(p.confidence)) : predicted;
      return { levels: levels as string, strict: figures(matchPairs(gold, subset, strictly), gold, subset.length).figures };
    }),
  };
}

/** The mean of each figure over calls. */
export function meanOf(scores: CallScore[], pick: (s: CallScore) => Figures): Figures {
  const n = scores.length || 1;
  return {
    precision: scores.reduce((sum, s) => sum + pick(s).precision, 0) / n,
    recall: scores.reduce((sum, s) => sum + pick(s).recall, 0) / n,
    f1: scores.reduce((sum, s) => sum + pick(s).f1, 0) / n,
  };
}
