import type { Output, StageTimes } from './process-file.ts';

/** main → worker: process these files of `input` (paths relative to it). */
export interface BatchRequest {
  batch: number;
  input: string;
  output: Output;
  files: { index: number; path: string }[];
}

/** worker → main. Rows travel v8-serialized (transferred, not copied): the same bytes then go into the cache. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'batch'; batch: number; results: { index: number; sha256: string; serialized: Uint8Array }[]; times: StageTimes }
  | { kind: 'failed'; batch: number; file: string; error: string };
