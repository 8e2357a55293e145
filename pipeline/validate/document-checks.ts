import type { Row } from '../../schemas/columns.ts';
import type { documents, facts, mentions, paragraphs, validationIssues } from '../../schemas/index.ts';
import { checkRegistry } from '../../registries/checks.ts';
import type { WorkBudget } from '../work-budget.ts';

/** What the cross-checks see of one document: the rows the earlier stages made for it. */
export interface DocumentForChecks {
  document: Row<typeof documents>;
  paragraphs: Row<typeof paragraphs>[];
  mentions: Row<typeof mentions>[];
  facts: Row<typeof facts>[];
}

/**
 * Runs every check of the registry over one document. Input rows are put in source order first,
 * so the issues come out the same whatever order the caller passed them in.
 */
export function checkDocument(doc: DocumentForChecks, budget?: WorkBudget): Row<typeof validationIssues>[] {
  const ordered: DocumentForChecks = {
    document: doc.document,
    paragraphs: [...doc.paragraphs].sort((a, b) => a.paragraph_index - b.paragraph_index),
    mentions: [...doc.mentions].sort((a, b) => a.char_start - b.char_start || compareText(a.mention_id, b.mention_id)),
    facts: [...doc.facts].sort((a, b) => a.char_start - b.char_start || compareText(a.metric, b.metric)),
  };
  const issues: Row<typeof validationIssues>[] = [];
  const seen = new Set<string>();
  for (const check of checkRegistry) {
    budget?.check(`the ${check.name} check`);
    for (const issue of check.run(ordered)) {
      // the table's key; a check that found the same thing twice reports it once
      const key = [issue.doc_id, issue.check, issue.fact_ids ?? '', issue.message].join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
