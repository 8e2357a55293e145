import type { Layout } from './layout.ts';
import type { CallMetadata } from './metadata.ts';
import type { Encoding } from './decode.ts';

/** A transcript as ingest hands it on: the decoded text exactly, its layout and what call it is. */
export interface TranscriptDocument {
  docId: string;
  sourcePath: string;
  sha256: string;
  encoding: Encoding;
  text: string;
  format: string;
  layout: Layout;
  metadata: CallMetadata;
}

export interface IngestProblem {
  sourcePath: string;
  problem: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  action: 'skipped' | 'processed' | 'processed_once';
  docId: string | null;
}
