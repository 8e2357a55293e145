import { metricById, type MetricDefinition } from '../../../registries/metrics.ts';
import type { Row } from '../../../schemas/columns.ts';
import type { validationIssues } from '../../../schemas/index.ts';
import type { DocumentForChecks } from '../document-checks.ts';
import { issueRow, sayFact, sayValue } from './issue-wording.ts';

/**
 * A stated level outside the range its metric can plausibly take, usually a misheard scale or
 * unit. Changes are left out: a 300% rise is unusual, not implausible.
 */
export function checkPlausibility(doc: DocumentForChecks): Row<typeof validationIssues>[] {
  const issues: Row<typeof validationIssues>[] = [];
  for (const f of doc.facts) {
    const metric = metricById.get(f.metric);
    // a metric without a range in the registry is not checked
    if (!metric?.plausible || f.change_kind !== null || f.unit !== metric.unit) continue;
    const range = metric.plausible;
    if (within(f.value, range) && within(f.value_high ?? f.value, range)) continue;
    issues.push(
      issueRow(doc.document.doc_id, 'plausibility', {
        severity: 'warning',
        message: `${f.metric} of ${sayFact(f)} ("${f.quote}", paragraph ${f.paragraph_index}, ${f.speaker ?? 'unnamed speaker'}) is outside the plausible range ${sayRange(range, f.unit)}.`,
        metric: f.metric,
        fact_ids: f.fact_id,
        expected: sayRange(range, f.unit),
        actual: sayFact(f),
      }),
    );
  }
  return issues;
}

type Range = NonNullable<MetricDefinition['plausible']>;

/** In range; a signed metric (a profit or a loss) is judged by its size, which must reach `minAbs`. */
function within(value: number, range: Range): boolean {
  if (range.minAbs === undefined) return value >= range.min && value <= range.max;
  const size = Math.abs(value);
  return size >= range.minAbs && size <= Math.max(Math.abs(range.min), range.max);
}

function sayRange(range: Range, unit: string): string {
  const span = `${sayValue(range.min, unit)} to ${sayValue(range.max, unit)}`;
  return range.minAbs === undefined ? span : `${span}, at least ${sayValue(range.minAbs, unit)} in size`;
}
