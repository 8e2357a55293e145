import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import { noDocument, problemRow, processTranscript, type DocumentRows } from '../process-transcript.ts';
import { readTranscriptBytes, unreadableFile } from '../ingest/read-folder.ts';
import { encodeDocument, type EncodedDocument } from '../write/encoded-document.ts';

/**
 * What a file gives: its rows, or, for a build, its rows encoded as the dataset writes them
 * (encodeDocument), which is also what the cache keeps.
 */
export type Output = 'rows' | 'encoded';
export type Processed<O extends Output> = O extends 'rows' ? DocumentRows : EncodedDocument;

/** One file's result, with the hash of its bytes (the cache key) and, when asked for, the result v8-serialized. */
export interface ProcessedFile<O extends Output = 'rows'> {
  sha256: string;
  rows: Processed<O>;
  serialized: Uint8Array | null;
}

/** A file skipped for taking too long: not cached, so the next build, maybe on a quieter machine, tries it again. */
export function overBudget(result: DocumentRows | EncodedDocument): boolean {
  const errors = 'ingest_errors' in result ? result.ingest_errors : result.ingestErrors;
  return errors.some((e) => e.problem === 'over_budget');
}

export type StageTimes = Record<string, number>;

export function addTime(times: StageTimes, stage: string, since: number): number {
  const now = performance.now();
  times[stage] = (times[stage] ?? 0) + (now - since);
  return now;
}

/** read → hash → processTranscript (→ encode) (→ serialize): the same steps in a worker and in the calling thread. */
export async function processFile<O extends Output>(input: string, file: string, output: O, wantSerialized: boolean, times: StageTimes): Promise<ProcessedFile<O>> {
  let t = performance.now();
  let bytes: Uint8Array | null = null;
  let sha256 = '';
  let documentRows: DocumentRows;
  try {
    bytes = readTranscriptBytes(input, file);
  } catch (error) {
    documentRows = noDocument([problemRow(unreadableFile(file, error))]);
  }
  if (bytes) {
    t = addTime(times, 'read', t);
    sha256 = sha256Of(bytes);
    t = addTime(times, 'hash', t);
    documentRows = processTranscript(file, bytes);
    t = addTime(times, 'process', t);
  }
  let rows = documentRows! as Processed<O>;
  if (output === 'encoded') {
    rows = encodeDocument(documentRows!) as Processed<O>;
    t = addTime(times, 'encode', t);
  }
  const serialized = wantSerialized ? serialize(rows) : null;
  if (serialized) addTime(times, 'serialize', t);
  return { sha256, rows, serialized };
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

