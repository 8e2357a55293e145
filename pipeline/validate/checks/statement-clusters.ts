import type { Row } from '../../../schemas/columns.ts';
import type { facts } from '../../../schemas/index.ts';
import { agree, roundingStep } from '../../extract/kpis.ts';

type Fact = Row<typeof facts>;

/** Qualifiers that state a value, as opposed to a bound ("over 1,200") that many values satisfy. */
const pointQualifiers = new Set(['exact', 'approximately', 'nearly']);

/** A statement of one value, which can be compared for equality with another. */
export function isPointStatement(f: Fact): boolean {
  return f.value_high === null && pointQualifiers.has(f.qualifier);
}

/**
 * The step a statement was rounded to as spoken: an approximate round number is rounded to its
 * last non-zero digit ("approximately 1,300 bitcoins" is to the hundred), an exact one as written.
 */
export function spokenStep(f: Fact): number {
  const step = roundingStep(f);
  if (f.qualifier === 'exact' || f.stated_value.includes('.')) return step;
  const digits = f.stated_value.replace(/\D/g, '');
  const zeros = digits.length - digits.replace(/0+$/, '').length;
  return digits.replace(/0+$/, '') ? step * 10 ** zeros : step;
}

/**
 * Two statements of one figure: within rounding (`agree`, or half the coarser spoken step), or the
 * coarser one is the finer one cut off rather than rounded, as speakers do ("USD64.58 million"
 * said again as "$64 million").
 */
export function sameFigure(a: Fact, b: Fact): boolean {
  if (agree(a, b)) return true;
  if (Math.abs(a.value - b.value) <= Math.max(spokenStep(a), spokenStep(b)) / 2 + 1e-9) return true;
  const [fine, coarse] = roundingStep(a) <= roundingStep(b) ? [a, b] : [b, a];
  const step = roundingStep(coarse);
  if (!step) return false;
  return Math.abs(Math.trunc(fine.value / step) * step - coarse.value) <= step * 1e-6;
}

/**
 * Groups statements of one KPI into the distinct figures said, in the order first said: a statement
 * joins the first group whose every statement it agrees with.
 */
export function clusterStatements(statements: readonly Fact[]): Fact[][] {
  const clusters: Fact[][] = [];
  for (const f of [...statements].sort((a, b) => a.char_start - b.char_start)) {
    const home = clusters.find((c) => c.every((g) => sameFigure(f, g)));
    if (home) home.push(f);
    else clusters.push([f]);
  }
  return clusters;
}

/**
 * The statement that stands for a KPI when several are made: from the figure said most often
 * (the first said on a tie), its most precise statement.
 */
export function representative(statements: readonly Fact[]): Fact | null {
  const points = statements.filter(isPointStatement);
  if (!points.length) return null;
  const clusters = clusterStatements(points);
  const largest = clusters.reduce((best, c) => (c.length > best.length ? c : best));
  return [...largest].sort((a, b) => relativeStep(a) - relativeStep(b) || a.char_start - b.char_start)[0];
}

function relativeStep(f: Fact): number {
  return roundingStep(f) / (Math.abs(f.value) || 1);
}

/** A KPI key: statements with the same key are statements of the same figure. */
export function kpiKey(f: Fact): string {
  return [f.metric, f.period, f.basis, f.change_kind ?? '', f.entity ?? '', f.unit].join('\u0000');
}

