import type { Row } from '../../../schemas/columns.ts';
import type { facts, validationIssues } from '../../../schemas/index.ts';
import { roundingStep } from '../../extract/kpis.ts';
import type { DocumentForChecks } from '../document-checks.ts';
import { factIds, issueRow, sayFact, sayKpi, sayValue } from './issue-wording.ts';
import { groupBy } from '../../group-by.ts';
import { isPointStatement, MAX_FIGURES_PER_KEY, representative, sameFigure } from './statement-clusters.ts';

type Fact = Row<typeof facts>;
type Issue = Row<typeof validationIssues>;

/** Hash rate sold × price per TH/s is product revenue up to the mix of models and rounding. */
const REVENUE_FROM_HASHRATE_TOLERANCE = 0.05;
/** Revenue lines may exceed the total by rounding of each line. */
const PARTS_OF_REVENUE_TOLERANCE = 0.01;
/** The lines that make up total revenue; revenue_other counts once per named line. */
const revenueParts = ['revenue_product', 'revenue_mining', 'revenue_other'];

/** Figures of one call that must add up; what holds is reported as info, what fails as a warning. */
export function checkArithmetic(doc: DocumentForChecks): Issue[] {
  const levels = doc.facts.filter((f) => f.change_kind === null && isPointStatement(f));
  return [...revenueFromHashrate(doc, levels), ...partsOfRevenue(doc, levels), ...changesAgainstLevels(doc, levels)];
}

/** Level statements of a metric, by period and basis, for one entity (null: the company as a whole). */
function levelsOf(levels: Fact[], metric: string, unit: string, entity: string | null = null): Map<string, Fact[]> {
  return groupBy(
    levels.filter((f) => f.metric === metric && f.unit === unit && f.entity === entity),
    (f) => `${f.period}\u0000${f.basis}`,
  );
}

/** (a) hashrate_sold × asp_per_hashrate ≈ revenue_product of the same period: the closest combination said decides. */
function revenueFromHashrate(doc: DocumentForChecks, levels: Fact[]): Issue[] {
  const sold = levelsOf(levels, 'hashrate_sold', 'TH/s');
  const prices = levelsOf(levels, 'asp_per_hashrate', 'USD/(TH/s)');
  const revenues = levelsOf(levels, 'revenue_product', 'USD');
  const issues: Issue[] = [];
  for (const [key, hashrates] of sold) {
    let best: { h: Fact; p: Fact; r: Fact; product: number; off: number } | null = null;
    for (const h of distinctValues(hashrates))
      for (const p of distinctValues(prices.get(key) ?? []))
        for (const r of distinctValues(revenues.get(key) ?? [])) {
          const product = h.value * p.value;
          const off = Math.abs(product - r.value) / Math.abs(r.value || 1);
          if (!best || off < best.off) best = { h, p, r, product, off };
        }
    if (!best) continue;
    const { h, p, r, product, off } = best;
    const holds = off <= REVENUE_FROM_HASHRATE_TOLERANCE;
    const sum = `${sayFact(h)} sold × ${sayFact(p)} = ${sayValue(product, 'USD')} against revenue_product of ${sayFact(r)} for ${r.period}`;
    issues.push(
      issueRow(doc.document.doc_id, 'arithmetic', {
        severity: holds ? 'info' : 'warning',
        message: holds
          ? `Hash rate sold × price holds: ${sum} (${percent(off)} apart, within ${percent(REVENUE_FROM_HASHRATE_TOLERANCE)}).`
          : `Hash rate sold × price does not match product revenue: ${sum} (${percent(off)} apart, more than ${percent(REVENUE_FROM_HASHRATE_TOLERANCE)}).`,
        metric: 'revenue_product',
        fact_ids: factIds([h, p, r]),
        expected: sayValue(product, 'USD'),
        actual: sayFact(r),
      }),
    );
  }
  return issues;
}

/**
 * The first statement of each value, at most MAX_FIGURES_PER_KEY of them: a repeated value cannot
 * beat its first statement (ties keep the first), and the bound keeps three nested loops small.
 */
function distinctValues(statements: readonly Fact[]): Fact[] {
  const seen = new Set<number>();
  const firsts: Fact[] = [];
  for (const f of statements) {
    if (seen.has(f.value)) continue;
    seen.add(f.value);
    firsts.push(f);
    if (firsts.length === MAX_FIGURES_PER_KEY) break;
  }
  return firsts;
}

/** (c) revenue_product + revenue_mining + revenue_other ≤ revenue_total of the same period and basis. */
function partsOfRevenue(doc: DocumentForChecks, levels: Fact[]): Issue[] {
  const money = levels.filter((f) => f.unit === 'USD');
  const partsByPeriod = groupBy(
    money.filter((f) => revenueParts.includes(f.metric)),
    (f) => `${f.period}\u0000${f.basis}`,
  );
  const issues: Issue[] = [];
  for (const [key, totals] of levelsOf(money, 'revenue_total', 'USD')) {
    const total = representative(totals);
    if (!total) continue;
    const lines = groupBy(partsByPeriod.get(key) ?? [], (f) => `${f.metric}\u0000${f.entity ?? ''}`);
    const parts = distinctLines([...lines.values()].map(representative).filter((f): f is Fact => f !== null));
    if (!parts.length) continue;
    const sum = parts.reduce((s, f) => s + f.value, 0);
    const holds = sum <= total.value * (1 + PARTS_OF_REVENUE_TOLERANCE);
    const named = parts.map((f) => `${f.metric}${f.entity ? ` (${f.entity})` : ''} ${sayFact(f)}`).join(' + ');
    issues.push(
      issueRow(doc.document.doc_id, 'arithmetic', {
        severity: holds ? 'info' : 'warning',
        message: holds
          ? `Revenue lines fit within total revenue for ${total.period}: ${named} = ${sayValue(sum, 'USD')} ≤ ${sayFact(total)}.`
          : `Revenue lines exceed total revenue for ${total.period}: ${named} = ${sayValue(sum, 'USD')} > ${sayFact(total)} (+${percent(PARTS_OF_REVENUE_TOLERANCE)} allowed).`,
        metric: 'revenue_total',
        fact_ids: factIds([total, ...parts]),
        expected: `at most ${sayFact(total)}`,
        actual: sayValue(sum, 'USD'),
      }),
    );
  }
  return issues;
}

/**
 * One figure said of two differently named other lines ("HPC hosting generated $7.9 million",
 * "hosting revenue was $7.9 million") is one line named twice, not two lines to add up.
 */
function distinctLines(parts: Fact[]): Fact[] {
  const kept: Fact[] = [];
  for (const f of parts) {
    if (f.metric === 'revenue_other' && kept.some((k) => k.metric === 'revenue_other' && sameFigure(k, f))) continue;
    kept.push(f);
  }
  return kept;
}

/**
 * (b, d) A stated change (yoy or qoq, in % or in the metric's own unit) against the two levels
 * it compares, when both are stated: "holdings rose by 98 BTC" against the holdings at both
 * quarter ends, "revenue grew 121%" against this and last year's revenue.
 */
function changesAgainstLevels(doc: DocumentForChecks, levels: Fact[]): Issue[] {
  const issues: Issue[] = [];
  const levelKey = (f: Pick<Fact, 'metric' | 'basis' | 'entity'>, period: string) => JSON.stringify([f.metric, period, f.basis, f.entity]);
  const levelsByKey = groupBy(levels, (f) => levelKey(f, f.period));
  // each KPI's representative once, however many changes compare against it
  const chosen = new Map<string, Fact | null>();
  const representativeOf = (key: string, unit: string | null) => {
    const memo = JSON.stringify([key, unit]);
    if (!chosen.has(memo)) {
      const statements = levelsByKey.get(key) ?? [];
      chosen.set(memo, representative(unit === null ? statements : statements.filter((f) => f.unit === unit)));
    }
    return chosen.get(memo)!;
  };
  for (const change of doc.facts) {
    if ((change.change_kind !== 'yoy' && change.change_kind !== 'qoq') || change.value_high !== null) continue;
    const earlier = earlierPeriod(change.period, change.change_kind);
    if (!earlier) continue;
    const newLevel = representativeOf(levelKey(change, change.period), null);
    const oldLevel = representativeOf(levelKey(change, earlier), newLevel ? newLevel.unit : null);
    if (!newLevel || !oldLevel || newLevel.unit !== oldLevel.unit) continue;
    const inPercent = change.unit === '%';
    if (!inPercent && change.unit !== newLevel.unit) continue;
    const implied = impliedChange(newLevel, oldLevel, inPercent);
    if (!implied) continue;
    const stated = statedRange(change);
    const holds = implied.low <= stated.high && stated.low <= implied.high;
    const impliedText = inPercent ? `${signed(implied.value)}%` : sayValue(implied.value, change.unit);
    const levelsText = `${sayFact(newLevel)} for ${newLevel.period} against ${sayFact(oldLevel)} for ${oldLevel.period}`;
    issues.push(
      issueRow(doc.document.doc_id, 'arithmetic', {
        severity: holds ? 'info' : 'warning',
        message: holds
          ? `The stated ${sayKpi(change)} of ${sayFact(change)} agrees with the levels stated: ${levelsText} is ${impliedText}.`
          : `The stated ${sayKpi(change)} of ${sayFact(change)} (${change.speaker ?? 'unnamed speaker'}, paragraph ${change.paragraph_index}) does not match the levels stated: ${levelsText} is ${impliedText}.`,
        metric: change.metric,
        fact_ids: factIds([change, newLevel, oldLevel]),
        expected: impliedText,
        actual: sayFact(change),
      }),
    );
  }
  return issues;
}

/** The period a change compares against: the quarter (or quarter-end date) before, or the same one a year before. */
export function earlierPeriod(period: string, kind: 'yoy' | 'qoq'): string | null {
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) {
    const index = Number(quarter[1]) * 4 + Number(quarter[2]) - 1 - (kind === 'yoy' ? 4 : 1);
    return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const monthsBack = kind === 'yoy' ? 12 : 3;
    const lastDay = new Date(Date.UTC(year, month - monthsBack, 0)).getUTCDate();
    const monthEnd = day === new Date(Date.UTC(year, month, 0)).getUTCDate();
    const target = new Date(Date.UTC(year, month - 1 - monthsBack, monthEnd ? lastDay : Math.min(day, lastDay)));
    return target.toISOString().slice(0, 10);
  }
  if (kind === 'qoq') return null;
  const half = /^(\d{4})H([12])$/.exec(period);
  if (half) return `${Number(half[1]) - 1}H${half[2]}`;
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : null;
}

/** The change the two levels imply, with the range their rounding allows. */
function impliedChange(newLevel: Fact, oldLevel: Fact, inPercent: boolean): { value: number; low: number; high: number } | null {
  const n = [newLevel.value - roundingStep(newLevel) / 2, newLevel.value + roundingStep(newLevel) / 2];
  const o = [oldLevel.value - roundingStep(oldLevel) / 2, oldLevel.value + roundingStep(oldLevel) / 2];
  // a change against a base that may be zero has no size
  if (inPercent && o[0] <= 0 && o[1] >= 0) return null;
  const of = (a: number, b: number) => (inPercent ? ((a - b) / Math.abs(b)) * 100 : a - b);
  const corners = n.flatMap((a) => o.map((b) => of(a, b)));
  return { value: of(newLevel.value, oldLevel.value), low: Math.min(...corners), high: Math.max(...corners) };
}

/** The values a stated change allows: its rounding, or one side only for "over"/"up to". */
function statedRange(change: Fact): { low: number; high: number } {
  const half = Math.max(roundingStep(change) / 2, change.qualifier === 'exact' ? 0 : Math.abs(change.value) * 0.01);
  switch (change.qualifier) {
    case 'over':
    case 'at_least':
      return { low: change.value - half, high: Infinity };
    case 'under':
    case 'up_to':
      return { low: -Infinity, high: change.value + half };
    default:
      return { low: change.value - half, high: change.value + half };
  }
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(2))}%`;
}

function signed(n: number): string {
  const rounded = Number(n.toFixed(1));
  return rounded > 0 ? `+${rounded}` : String(rounded);
}
