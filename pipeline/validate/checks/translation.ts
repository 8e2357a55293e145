import type { TranslationReason } from '../../../registries/translation-checks.ts';
import type { Row } from '../../../schemas/columns.ts';
import type { validationIssues } from '../../../schemas/index.ts';
import type { DocumentForChecks } from '../document-checks.ts';
import { compareTranslation } from '../translation.ts';
import { factIds, issueRow } from './issue-wording.ts';

// one comparison per document, whichever reason's check asks first
const compared = new WeakMap<DocumentForChecks, ReturnType<typeof compareTranslation>>();

/** One warning per English quantity whose Chinese counterpart differs for `reason`, linking both mentions. */
export function checkTranslationReason(doc: DocumentForChecks, reason: TranslationReason): Row<typeof validationIssues>[] {
  if (!compared.has(doc)) compared.set(doc, compareTranslation(doc));
  const issues: Row<typeof validationIssues>[] = [];
  for (const { row, findings, zhClause } of compared.get(doc)!) {
    const finding = findings.find((f) => f.reason === reason);
    if (!finding || !row.zh_mention_id) continue;
    const mention = doc.mentions.find((m) => m.mention_id === row.en_mention_id)!;
    const paragraph = doc.paragraphs.find((p) => p.paragraph_index === row.paragraph_index);
    const overlapping = doc.facts.filter((f) => f.char_start < mention.char_end && f.char_end > mention.char_start);
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
