import { pipelineVersion as currentPipelineVersion } from '../version.ts';
import { cachedFiles } from './document-cache.ts';
import { readTranscriptBytes } from '../ingest/read-folder.ts';
import { sha256Of } from './process-file.ts';

export interface UnchangedOptions {
  input: string;
  /** relative paths, already sorted */
  files: string[];
  /** the previous build's cache folder (OUT/cache) */
  cacheFrom: string;
  pipelineVersion?: string;
}

/**
 * True when the previous build read exactly these files with exactly these bytes, under this
 * pipeline version: its dataset is then what a new build would write, and a build can keep it.
 * Costs a read and a sha256 of every file (no rows are loaded).
 */
export function unchangedSinceLastBuild({ input, files, cacheFrom, pipelineVersion }: UnchangedOptions): boolean {
  const previous = cachedFiles(cacheFrom, pipelineVersion ?? currentPipelineVersion);
  if (!previous || previous.length !== files.length) return false;
  return files.every((file, i) => previous[i].file === file && previous[i].sha256 === sha256OrNull(input, file));
}

/** An unreadable file is a change: the build reports it. */
function sha256OrNull(input: string, file: string): string | null {
  try {
    return sha256Of(readTranscriptBytes(input, file));
  } catch {
    return null;
  }
}
