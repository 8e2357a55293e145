/**
 * Scores facts against hand annotations the way the contract judges them: a fact is right when
 * its span overlaps the annotated number's words and its metric, unit, change kind and value
 * (within 0.5%, and the range's high end) agree. Period and basis are compared among the right facts.
 */

/** What a gold annotation and a fact of the dataset have in common. */
interface Statement {
  source_path: string;
  metric: string;
  value: number;
  value_high: number | null;
  unit: string;
  period: string;
  basis: string;
  change_kind: string | null;
  quote: string;
}

export interface GoldFact extends Statement {
  start: number;
  end: number;
}

export interface ScoredFact extends Statement {
  char_start: number;
  char_end: number;
}

export interface MetricScore {
  metric: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  overall: MetricScore;
  byMetric: MetricScore[];
  periodAgreement: number;
  basisAgreement: number;
  falsePositives: ScoredFact[];
  falseNegatives: GoldFact[];
  mismatchedPeriodOrBasis: { gold: GoldFact; fact: ScoredFact }[];
}

const close = (a: number, b: number) => (a === b ? true : Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b)));

export function matches(gold: GoldFact, fact: ScoredFact): boolean {
  return (
    gold.source_path === fact.source_path &&
    fact.char_start < gold.end &&
    gold.start < fact.char_end &&
    gold.metric === fact.metric &&
    gold.unit === fact.unit &&
    (gold.change_kind || null) === (fact.change_kind || null) &&
    close(gold.value, fact.value) &&
    (gold.value_high === null ? fact.value_high === null : fact.value_high !== null && close(gold.value_high, fact.value_high))
  );
}

/** Whether two periods are one by the contract's rule, under the calendar of the fact's call when it is known. */
export type SamePeriod = (source: string, a: string, b: string) => boolean;

export function evaluate(gold: GoldFact[], facts: ScoredFact[], samePeriod: SamePeriod = (_s, a, b) => a === b): Evaluation {
  const usedGold = new Set<number>();
  const pairs: { gold: GoldFact; fact: ScoredFact }[] = [];
  const falsePositives: ScoredFact[] = [];
  for (const fact of facts) {
    const g = gold.findIndex((candidate, i) => !usedGold.has(i) && matches(candidate, fact));
    if (g < 0) falsePositives.push(fact);
    else {
      usedGold.add(g);
      pairs.push({ gold: gold[g], fact });
    }
  }
  const falseNegatives = gold.filter((_, i) => !usedGold.has(i));
  const metricIds = [...new Set([...gold.map((g) => g.metric), ...facts.map((f) => f.metric)])].sort();
  const byMetric = metricIds.map((metric) =>
    score(metric, pairs.filter((p) => p.gold.metric === metric).length, falsePositives.filter((f) => f.metric === metric).length, falseNegatives.filter((g) => g.metric === metric).length),
  );
  const periodAgrees = (p: { gold: GoldFact; fact: ScoredFact }) => samePeriod(p.fact.source_path, p.fact.period, p.gold.period);
  const mismatchedPeriodOrBasis = pairs.filter((p) => !periodAgrees(p) || p.gold.basis !== p.fact.basis);
  return {
    overall: score('overall', pairs.length, falsePositives.length, falseNegatives.length),
    byMetric,
    periodAgreement: pairs.length ? pairs.filter(periodAgrees).length / pairs.length : 0,
    basisAgreement: pairs.length ? pairs.filter((p) => p.gold.basis === p.fact.basis).length / pairs.length : 0,
    falsePositives,
    falseNegatives,
    mismatchedPeriodOrBasis,
  };
}

function score(metric: string, tp: number, fp: number, fn: number): MetricScore {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { metric, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}
