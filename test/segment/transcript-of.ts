import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestTranscript } from '../../pipeline/ingest/ingest.ts';
import { segmentTranscript, type SegmentedTranscript } from '../../pipeline/segment/segment.ts';

/** Ingests and segments one file, failing the test if it is not read as a transcript. */
export function segmentFile(file: string): SegmentedTranscript {
  const result = ingestTranscript(path.basename(file), readFileSync(file));
  if (!result.document) throw new Error(`${file} was not read: ${result.problems.map((p) => p.message).join('; ')}`);
  return segmentTranscript(result.document);
}
