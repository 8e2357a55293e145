import type { TranslationReason } from '../../../registries/translation-checks.ts';
import type { Row } from '../../../schemas/columns.ts';
import type { validationIssues } from '../../../schemas/index.ts';
import type { DocumentForChecks } from '../document-checks.ts';
import { compareTranslation } from '../translation.ts';
import { factIds, issueRow } from './issue-wording.ts';
import { factsOverlapping } from './overlapping-facts.ts';

// one comparison per document, whichever reason's check asks first
const compared = new WeakMap<DocumentForChecks, ReturnType<typeof compareTranslation>>();

/** One warning per English quantity whose Chinese counterpart differs for `reason`, linking both mentions. */
export function checkTranslationReason(doc: DocumentForChecks, reason: TranslationReason): Row<typeof validationIssues>[] {
  if (!compared.has(doc)) compared.set(doc, compareTranslation(doc));
  const issues: Row<typeof validationIssues>[] = [];
  const mentionById = new Map(doc.mentions.map((m) => [m.mention_id, m]));
  const paragraphByIndex = new Map(doc.paragraphs.map((p) => [p.paragraph_index, p]));
  for (const { row, findings, zhClause } of compared.get(doc)!) {
    const finding = findings.find((f) => f.reason === reason);
    if (!finding || !row.zh_mention_id) continue;
    const mention = mentionById.get(row.en_mention_id)!;
    const paragraph = paragraphByIndex.get(row.paragraph_index);
    const overlapping = factsOverlapping(doc.facts, mention.char_start, mention.char_end);
    issues.push(
      issueRow(doc.document.doc_id, `translation_${reason}`, {
        severity: 'warning',
        message: `Paragraph ${row.paragraph_index} (${paragraph?.speaker ?? 'unnamed speaker'}), Chinese translation: ${finding.sentence}`,
        metric: overlapping[0]?.metric ?? null,
        fact_ids: overlapping.length ? factIds(overlapping) : null,
        mention_ids: `${row.en_mention_id};${row.zh_mention_id}`,
        expected: row.en_surface,
        // the Chinese clause, where the reader sees what the number became (1,114 人多了 98 人)
        actual: zhClause,
      }),
    );
  }
  return issues;
}
