import type { Row } from '../schemas/columns.ts';
import type { ingestErrors } from '../schemas/index.ts';
import { ingestTranscript } from './ingest/ingest.ts';
import { CodePointIndex } from './ingest/source-text.ts';
import type { IngestProblem } from './ingest/transcript.ts';
import { segmentRows, type SegmentRows } from './segment/rows.ts';
import { segmentTranscript } from './segment/segment.ts';

/** Every row one document yields; documents are processed on their own, so workers need no locks. */
export interface DocumentRows extends SegmentRows {
  sha256: string;
  ingest_errors: Row<typeof ingestErrors>[];
}

/** ingest → segment → (extract → normalize → classify) for one file. */
export function processTranscript(sourcePath: string, bytes: Uint8Array): DocumentRows {
  const { document, problems } = ingestTranscript(sourcePath, bytes);
  const errors = problems.map(problemRow);
  if (!document) return { sha256: '', documents: [], speakers: [], paragraphs: [], sentences: [], ingest_errors: errors };
  const segmented = segmentTranscript(document);
  const codePoints = new CodePointIndex(document.text);
  return { sha256: document.sha256, ...segmentRows(segmented, codePoints), ingest_errors: errors };
}

export function problemRow(p: IngestProblem): Row<typeof ingestErrors> {
  return { source_path: p.sourcePath, problem: p.problem, severity: p.severity, message: p.message, action: p.action, doc_id: p.docId };
}
