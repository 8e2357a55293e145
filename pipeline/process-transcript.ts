import type { Row } from '../schemas/columns.ts';
import type { facts, ingestErrors, mentions, translationChecks, validationIssues } from '../schemas/index.ts';
import { classifyFacts } from './extract/facts.ts';
import type { CallCalendar } from './extract/period.ts';
import { extractQuantities } from './extract/quantity.ts';
import { factRows, mentionRows, type ParagraphQuantities } from './extract/rows.ts';
import type { TranscriptDocument } from './ingest/transcript.ts';
import { ingestTranscript } from './ingest/ingest.ts';
import { CodePointIndex } from './ingest/source-text.ts';
import type { IngestProblem } from './ingest/transcript.ts';
import { segmentRows, type SegmentRows } from './segment/rows.ts';
import { segmentTranscript } from './segment/segment.ts';
import { checkDocument } from './validate/document-checks.ts';
import { checkTranslation } from './validate/translation.ts';

/** Every row one document yields; documents are processed on their own, so workers need no locks. */
export interface DocumentRows extends SegmentRows {
  sha256: string;
  ingest_errors: Row<typeof ingestErrors>[];
  mentions: Row<typeof mentions>[];
  facts: Row<typeof facts>[];
  validation_issues: Row<typeof validationIssues>[];
  translation_checks: Row<typeof translationChecks>[];
}

/** ingest → segment → extract (quantities in canonical units, then facts) → validate, for one file. */
export function processTranscript(sourcePath: string, bytes: Uint8Array): DocumentRows {
  const { document, problems } = ingestTranscript(sourcePath, bytes);
  const errors = problems.map(problemRow);
  if (!document) return noDocument(errors);
  const segmented = segmentTranscript(document);
  const codePoints = new CodePointIndex(document.text);
  const found: ParagraphQuantities[] = segmented.paragraphs.map((paragraph) => ({
    paragraph,
    en: paragraph.textEn ? extractQuantities(paragraph.textEn, 'en') : [],
    zh: paragraph.textZh ? extractQuantities(paragraph.textZh, 'zh') : [],
  }));
  const drafts = classifyFacts(segmented, new Map(found.map((f) => [f.paragraph.index, f.en])), calendarOf(document));
  const rows = segmentRows(segmented, codePoints);
  const checked = { document: rows.documents[0], paragraphs: rows.paragraphs, mentions: mentionRows(document, found, codePoints), facts: factRows(document, drafts, codePoints) };
  return {
    sha256: document.sha256,
    ...rows,
    ingest_errors: errors,
    mentions: checked.mentions,
    facts: checked.facts,
    validation_issues: checkDocument(checked),
    translation_checks: checkTranslation(checked),
  };
}

/** The call's fiscal calendar: its quarter, that quarter's days and the month its fiscal year ends. */
function calendarOf(document: TranscriptDocument): CallCalendar | null {
  const { fiscalYear, fiscalQuarter, quarterEnd, fiscalYearEndMonth, callDate } = document.metadata;
  if (!fiscalYear || !fiscalQuarter || !quarterEnd || !fiscalYearEndMonth) return null;
  return { year: fiscalYear, quarter: fiscalQuarter, quarterEnd, fiscalYearEndMonth, callDate };
}

/** The rows of a file that gave no document (unreadable, empty, not a transcript): only its problems. */
export function noDocument(errors: Row<typeof ingestErrors>[]): DocumentRows {
  return { sha256: '', documents: [], speakers: [], paragraphs: [], sentences: [], ingest_errors: errors, mentions: [], facts: [], validation_issues: [], translation_checks: [] };
}

export function problemRow(p: IngestProblem): Row<typeof ingestErrors> {
  return { source_path: p.sourcePath, problem: p.problem, severity: p.severity, message: p.message, action: p.action, doc_id: p.docId };
}
