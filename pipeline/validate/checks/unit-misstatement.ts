import { units } from '../../../registries/units.ts';
import type { Row } from '../../../schemas/columns.ts';
import type { validationIssues } from '../../../schemas/index.ts';
import type { DocumentForChecks } from '../document-checks.ts';
import { factIds, issueRow } from './issue-wording.ts';
import { factsOverlapping } from './overlapping-facts.ts';

/** The canonical unit of what a mention measures, from the unit registry: efficiency → J/TH. */
function canonicalUnitOf(dimension: string): string | null {
  const entry = units.find((u) => u.standalone?.dimension === dimension) ?? units.find((u) => u.dimension === dimension);
  return entry ? (entry.standalone?.dimension === dimension ? entry.standalone.canonical : entry.canonical) : null;
}

/**
 * A quantity said in a unit that makes no sense for it ("gigawatts per hash" for an efficiency).
 * Only the English counts: the Chinese is a machine translation, compared in translation_checks.
 */
export function checkUnitMisstatements(doc: DocumentForChecks): Row<typeof validationIssues>[] {
  const issues: Row<typeof validationIssues>[] = [];
  const paragraphByIndex = new Map(doc.paragraphs.map((p) => [p.paragraph_index, p]));
  for (const m of doc.mentions) {
    if (m.language !== 'en' || !m.flags.split(';').includes('unit_mismatch')) continue;
    const paragraph = paragraphByIndex.get(m.paragraph_index);
    const overlapping = factsOverlapping(doc.facts, m.char_start, m.char_end);
    const meant = canonicalUnitOf(m.dimension);
    issues.push(
      issueRow(doc.document.doc_id, 'unit_misstatement', {
        severity: 'warning',
        message:
          `Paragraph ${m.paragraph_index} (${paragraph?.speaker ?? 'unnamed speaker'}) says "${m.surface}" (characters ${m.char_start}-${m.char_end}), ` +
          `a unit that makes no sense for ${article(m.dimension)} ${m.dimension}${meant ? `; ${meant} is likely meant` : ''}.`,
        metric: overlapping[0]?.metric ?? null,
        fact_ids: overlapping.length ? factIds(overlapping) : null,
        expected: meant,
        actual: m.stated_unit || m.surface,
      }),
    );
  }
  return issues;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
