import type { Row } from '../../../schemas/columns.ts';
import type { facts, validationIssues } from '../../../schemas/index.ts';
import type { DocumentForChecks } from '../document-checks.ts';
import { factIds, issueRow, sayFact, sayKpi } from './issue-wording.ts';
import { groupBy } from '../../group-by.ts';
import { clusterStatements, isPointStatement, kpiKey } from './statement-clusters.ts';

type Fact = Row<typeof facts>;

/**
 * The same KPI stated with different figures in one call. One issue per KPI, naming each distinct
 * figure and who said it, rather than one per disagreeing pair.
 */
export function checkConflicts(doc: DocumentForChecks): Row<typeof validationIssues>[] {
  const issues: Row<typeof validationIssues>[] = [];
  // bounds and ranges are satisfied by many values, so they cannot contradict a figure
  for (const statements of groupBy(doc.facts.filter(isPointStatement), kpiKey).values()) {
    const figures = clusterStatements(statements);
    if (figures.length < 2 || onlyWithinSentences(figures)) continue;
    const said = figures.map((figure) => `${speakersOf(figure)} said ${sayFact(figure[0])}${times(figure.length)}`);
    issues.push(
      issueRow(doc.document.doc_id, 'conflict', {
        severity: 'warning',
        message: `${sayKpi(statements[0])} is stated with ${figures.length} different figures: ${said.join('; ')}.`,
        metric: statements[0].metric,
        fact_ids: factIds(statements),
        expected: sayFact(figures[0][0]),
        actual: figures.slice(1).map((f) => sayFact(f[0])).join('; '),
      }),
    );
  }
  return issues;
}

/**
 * No one contradicts themselves inside one sentence: two figures of a KPI said together are two
 * things the key does not tell apart (two sites, two cost variants), not a conflict.
 */
function onlyWithinSentences(figures: Fact[][]): boolean {
  // every pair of statements of two figures in one place: with two figures or more, all in one place
  return new Set(figures.flat().map((f) => `${f.paragraph_index}\u0000${f.sentence}`)).size === 1;
}

function speakersOf(figure: Fact[]): string {
  const names = [...new Set(figure.map((f) => f.speaker ?? 'an unnamed speaker'))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
}

function times(n: number): string {
  return n === 1 ? '' : n === 2 ? ' (twice)' : ` (${n} times)`;
}
