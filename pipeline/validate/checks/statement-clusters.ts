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
 * More distinct figures of one KPI than any call says of it: a list or a table read out, or a
 * pathological input. Past this many, statements are grouped in value order (n log n) instead.
 */
export const MAX_FIGURES_PER_KEY = 64;

/** What `sameFigure` reads of a statement: statements alike in it agree with the same others. */
const figureOf = (f: Fact) => `${f.value}\u0000${f.stated_value}\u0000${f.qualifier}`;

/**
 * Groups statements of one KPI into the distinct figures said, in the order first said: a statement
 * joins the first group whose every statement it agrees with. A group is compared by the distinct
 * figures in it, each pair once, so repeating a figure costs nothing more.
 */
export function clusterStatements(statements: readonly Fact[]): Fact[][] {
  const sorted = [...statements].sort((a, b) => a.char_start - b.char_start);
  const ids = new Map<string, number>();
  const figureIds = sorted.map((f) => {
    const key = figureOf(f);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  });
  if (ids.size > MAX_FIGURES_PER_KEY) return clusterInValueOrder(sorted, figureIds, ids.size);
  const example: Fact[] = [];
  sorted.forEach((f, i) => (example[figureIds[i]] ??= f));
  const agreeing = new Map<number, boolean>();
  const same = (a: number, b: number) => {
    const key = a * ids.size + b;
    let result = agreeing.get(key);
    if (result === undefined) agreeing.set(key, (result = sameFigure(example[a], example[b])));
    return result;
  };
  const clusters: { members: Fact[]; figures: Set<number> }[] = [];
  sorted.forEach((f, i) => {
    const id = figureIds[i];
    const home = clusters.find((c) => everyOf(c.figures, (g) => same(id, g)));
    if (home) {
      home.members.push(f);
      home.figures.add(id);
    } else clusters.push({ members: [f], figures: new Set([id]) });
  });
  return clusters.map((c) => c.members);
}

function everyOf<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (!test(item)) return false;
  return true;
}

/**
 * The bounded grouping for a key with too many figures: figures in value order, each joining the
 * group before it when it agrees with that group's first and last figure; groups in the order first said.
 */
function clusterInValueOrder(sorted: Fact[], figureIds: number[], count: number): Fact[][] {
  const example: Fact[] = [];
  sorted.forEach((f, i) => (example[figureIds[i]] ??= f));
  const byValue = [...example.keys()].sort((a, b) => example[a].value - example[b].value || a - b);
  const groupOf = new Array<number>(count);
  let first = -1;
  let last = -1;
  let groups = 0;
  for (const id of byValue) {
    if (first >= 0 && sameFigure(example[id], example[first]) && sameFigure(example[id], example[last])) groupOf[id] = groups - 1;
    else {
      groupOf[id] = groups++;
      first = id;
    }
    last = id;
  }
  const clusters = new Map<number, Fact[]>();
  sorted.forEach((f, i) => {
    const group = groupOf[figureIds[i]];
    const members = clusters.get(group);
    if (members) members.push(f);
    else clusters.set(group, [f]);
  });
  return [...clusters.values()];
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

