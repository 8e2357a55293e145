import type { Row } from '../../schemas/columns.ts';
import type { facts, kpis } from '../../schemas/index.ts';

type Fact = Row<typeof facts>;

/** What kpis reads of a fact: a build keeps only these, a document at a time, not the facts' quotes and sentences. */
export type KpiFact = Pick<
  Fact,
  | 'fact_id' | 'doc_id' | 'ticker' | 'call_period' | 'metric' | 'period' | 'period_start' | 'period_end' | 'basis' | 'change_kind' | 'entity'
  | 'value' | 'value_high' | 'unit' | 'qualifier' | 'stated_value' | 'section' | 'char_start' | 'speaker' | 'confidence'
>;

export function kpiFactOf(f: KpiFact): KpiFact {
  return {
    fact_id: f.fact_id, doc_id: f.doc_id, ticker: f.ticker, call_period: f.call_period, metric: f.metric, period: f.period,
    period_start: f.period_start, period_end: f.period_end, basis: f.basis, change_kind: f.change_kind, entity: f.entity,
    value: f.value, value_high: f.value_high, unit: f.unit, qualifier: f.qualifier, stated_value: f.stated_value,
    section: f.section, char_start: f.char_start, speaker: f.speaker, confidence: f.confidence,
  };
}

/** The call a fact's KPI belongs to, or null when it stands for none (no call, or read from words carried over). */
export function kpiCallOf(f: Pick<Fact, 'ticker' | 'call_period' | 'confidence'>): string | null {
  return !f.ticker || !f.call_period || f.confidence === 'low' ? null : `${f.ticker}\u0000${f.call_period}`;
}

const qualifierRank: Record<string, number> = { exact: 0, approximately: 1, nearly: 2, over: 3, under: 3, at_least: 3, up_to: 3 };

/**
 * The step a stated number was rounded to, in canonical units: "$74 million" is rounded to a
 * million, "USD73.6 million" to a hundred thousand, "1,212" to one.
 */
export function roundingStep(f: Pick<Fact, 'value' | 'stated_value'>): number {
  const number = statedNumber(f.stated_value);
  if (!number) return Math.abs(f.value) * 0.01;
  if (!number.stated) return 0;
  return Math.abs(f.value / number.stated) * 10 ** -number.decimals;
}

// the checks compare every pair of a key's statements: each stated text is read once
const statedNumbers = new Map<string, { stated: number; decimals: number } | null>();
function statedNumber(statedValue: string): { stated: number; decimals: number } | null {
  let found = statedNumbers.get(statedValue);
  if (found !== undefined) return found;
  const number = /-?\d[\d,]*(?:\.(\d+))?/.exec(statedValue);
  found = number ? { stated: Number(number[0].replace(/,/g, '')), decimals: number[1]?.length ?? 0 } : null;
  if (statedNumbers.size >= 10_000) statedNumbers.clear();
  statedNumbers.set(statedValue, found);
  return found;
}

/** Two statements agree when they are within half the coarser one's rounding step (or 0.5%). */
export function agree(a: KpiFact, b: KpiFact): boolean {
  const tolerance = Math.max(roundingStep(a), roundingStep(b)) / 2 + 1e-9;
  const relative = 0.005 * Math.max(Math.abs(a.value), Math.abs(b.value));
  return Math.abs(a.value - b.value) <= Math.max(tolerance, relative);
}

/**
 * Which statement of a KPI stands for it: the company's prepared remarks over the Q&A, an exact
 * figure over an approximate one, the most precise over a rounded one, then the first said.
 */
function preference(a: KpiFact, b: KpiFact): number {
  return (
    Number(a.section !== 'prepared_remarks') - Number(b.section !== 'prepared_remarks') ||
    (qualifierRank[a.qualifier] ?? 9) - (qualifierRank[b.qualifier] ?? 9) ||
    roundingStep(a) / (Math.abs(a.value) || 1) - roundingStep(b) / (Math.abs(b.value) || 1) ||
    a.char_start - b.char_start
  );
}

/** One row per (ticker, call period, metric, period, basis, change kind, entity), with its chosen value. */
export function chooseKpis(allFacts: readonly KpiFact[]): Row<typeof kpis>[] {
  const groups = new Map<string, KpiFact[]>();
  for (const f of allFacts) {
    // a fact read from words carried over from elsewhere stays in facts for a reader, but stands for no KPI
    if (kpiCallOf(f) === null) continue;
    // "up $25 million or 13%": a change in dollars and one in percent are two statements of two things
    const key = [f.ticker, f.call_period, f.metric, f.period, f.basis, f.change_kind ?? '', f.entity ?? '', f.unit].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const rows: Row<typeof kpis>[] = [];
  for (const group of groups.values()) {
    const chosen = [...group].sort(preference)[0];
    rows.push({
      ticker: chosen.ticker!,
      call_period: chosen.call_period!,
      metric: chosen.metric,
      period: chosen.period,
      period_start: chosen.period_start,
      period_end: chosen.period_end,
      basis: chosen.basis,
      change_kind: chosen.change_kind ?? '',
      entity: chosen.entity ?? '',
      value: chosen.value,
      value_high: chosen.value_high,
      unit: chosen.unit,
      qualifier: chosen.qualifier,
      statements: group.length,
      disagreeing: group.filter((f) => !agree(f, chosen)).length,
      chosen_fact_id: chosen.fact_id,
      speaker: chosen.speaker,
      doc_id: chosen.doc_id,
      confidence: chosen.confidence,
    });
  }
  const key = (r: Row<typeof kpis>) => [r.ticker, r.call_period, r.metric, r.period, r.basis, r.change_kind ?? '', r.entity ?? '', r.unit].join('\u0000');
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
