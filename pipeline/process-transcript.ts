import type { Row } from '../schemas/columns.ts';
import type { facts, ingestErrors, mentions } from '../schemas/index.ts';
import { classifyFacts } from './extract/facts.ts';
import { calendarQuarterEnd, type CallCalendar } from './extract/period.ts';
import { extractQuantities } from './extract/quantity.ts';
import { factRows, mentionRows, type ParagraphQuantities } from './extract/rows.ts';
import type { TranscriptDocument } from './ingest/transcript.ts';
import { ingestTranscript } from './ingest/ingest.ts';
import { CodePointIndex } from './ingest/source-text.ts';
import type { IngestProblem } from './ingest/transcript.ts';
import { segmentRows, type SegmentRows } from './segment/rows.ts';
import { segmentTranscript } from './segment/segment.ts';

/** Every row one document yields; documents are processed on their own, so workers need no locks. */
export interface DocumentRows extends SegmentRows {
  sha256: string;
  ingest_errors: Row<typeof ingestErrors>[];
  mentions: Row<typeof mentions>[];
  facts: Row<typeof facts>[];
}

/** ingest → segment → (extract → normalize → classify) for one file. */
export function processTranscript(sourcePath: string, bytes: Uint8Array): DocumentRows {
  const { document, problems } = ingestTranscript(sourcePath, bytes);
  const errors = problems.map(problemRow);
  if (!document) return { sha256: '', documents: [], speakers: [], paragraphs: [], sentences: [], ingest_errors: errors, mentions: [], facts: [] };
  const segmented = segmentTranscript(document);
  const codePoints = new CodePointIndex(document.text);
  const found: ParagraphQuantities[] = segmented.paragraphs.map((paragraph) => ({
    paragraph,
    en: paragraph.textEn ? extractQuantities(paragraph.textEn, 'en') : [],
    zh: paragraph.textZh ? extractQuantities(paragraph.textZh, 'zh') : [],
  }));
  const drafts = classifyFacts(segmented, new Map(found.map((f) => [f.paragraph.index, f.en])), calendarOf(document));
  return {
    sha256: document.sha256,
    ...segmentRows(segmented, codePoints),
    ingest_errors: errors,
    mentions: mentionRows(document, found, codePoints),
    facts: factRows(document, drafts, codePoints),
  };
}

/** The call's fiscal calendar: its quarter and that quarter's last day. */
function calendarOf(document: TranscriptDocument): CallCalendar | null {
  const { fiscalYear, fiscalQuarter, quarterEnd, callDate } = document.metadata;
  if (!fiscalYear || !fiscalQuarter) return null;
  return { year: fiscalYear, quarter: fiscalQuarter, quarterEnd: quarterEnd ?? calendarQuarterEnd(fiscalYear, fiscalQuarter), callDate };
}

export function problemRow(p: IngestProblem): Row<typeof ingestErrors> {
  return { source_path: p.sourcePath, problem: p.problem, severity: p.severity, message: p.message, action: p.action, doc_id: p.docId };
}
