import type { Row } from '../../../schemas/columns.ts';
import type { facts, validationIssues } from '../../../schemas/index.ts';

type Fact = Row<typeof facts>;
type Issue = Row<typeof validationIssues>;

/** An issue row with every column present; what a check leaves out is null. */
export function issueRow(docId: string, check: string, fields: Pick<Issue, 'severity' | 'message'> & Partial<Issue>): Issue {
  return {
    doc_id: docId,
    check,
    severity: fields.severity,
    message: fields.message,
    metric: fields.metric ?? null,
    fact_ids: fields.fact_ids ?? null,
    mention_ids: fields.mention_ids ?? null,
    expected: fields.expected ?? null,
    actual: fields.actual ?? null,
  };
}

export function factIds(list: readonly Fact[]): string {
  return [...new Set(list.map((f) => f.fact_id))].join(';');
}

const scales: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** A number as a reader of the call would say it: 64580000 USD is "$64.58 million", 7300000 TH/s "7.3 million TH/s". */
export function sayValue(value: number, unit: string): string {
  const magnitude = Math.abs(value);
  const [factor, word] = scales.find(([f]) => magnitude >= f) ?? [1, ''];
  const number = trimNumber(value / factor) + (word ? ` ${word}` : '');
  if (unit === 'USD') return value < 0 ? `-$${number.slice(1)}` : `$${number}`;
  if (unit === '%') return `${number}%`;
  return unit ? `${number} ${unit}` : number;
}

export function sayFact(f: Pick<Fact, 'value' | 'value_high' | 'unit'>): string {
  return f.value_high === null ? sayValue(f.value, f.unit) : `${sayValue(f.value, f.unit)} to ${sayValue(f.value_high, f.unit)}`;
}

/** What a KPI key means in words: "btc_held at 2024-09-30", "revenue_total yoy change for 2024Q3 (guidance)". */
export function sayKpi(f: Pick<Fact, 'metric' | 'period' | 'basis' | 'change_kind' | 'entity'>): string {
  const change = f.change_kind ? ` ${f.change_kind} change` : '';
  const when = /^\d{4}-\d{2}-\d{2}$/.test(f.period) ? `at ${f.period}` : `for ${f.period}`;
  const entity = f.entity ? ` of ${f.entity}` : '';
  const basis = f.basis === 'actual' ? '' : ` (${f.basis})`;
  return `${f.metric}${change}${entity} ${when}${basis}`;
}

// one format for every number: toLocaleString with options builds a new one on each call
const wording = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

function trimNumber(n: number): string {
  return wording.format(Number(n.toPrecision(6)));
}
