import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import { noDocument, problemRow, processTranscript, type DocumentRows } from '../process-transcript.ts';
import { readTranscriptBytes, unreadableFile } from '../ingest/read-folder.ts';

/** One file's rows, with the hash of its bytes (the cache key) and, when asked for, the rows v8-serialized. */
export interface ProcessedFile {
  sha256: string;
  rows: DocumentRows;
  serialized: Uint8Array | null;
}

export type StageTimes = Record<string, number>;

export function addTime(times: StageTimes, stage: string, since: number): number {
  const now = performance.now();
  times[stage] = (times[stage] ?? 0) + (now - since);
  return now;
}

/** read → hash → processTranscript (→ serialize): the same steps in a worker and in the calling thread. */
export async function processFile(input: string, file: string, wantSerialized: boolean, times: StageTimes): Promise<ProcessedFile> {
  let t = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = readTranscriptBytes(input, file);
  } catch (error) {
    const rows = noDocument([problemRow(unreadableFile(file, error))]);
    return { sha256: '', rows, serialized: wantSerialized ? serialize(rows) : null };
  }
  t = addTime(times, 'read', t);
  const sha256 = sha256Of(bytes);
  t = addTime(times, 'hash', t);
  const rows = processTranscript(file, bytes);
  t = addTime(times, 'process', t);
  const serialized = wantSerialized ? serialize(rows) : null;
  if (serialized) addTime(times, 'serialize', t);
  return { sha256, rows, serialized };
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

