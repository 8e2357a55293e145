import { readFileSync, readdirSync, readlinkSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { IngestProblem } from './transcript.ts';

const transcriptExtensions = new Set(['.txt', '.md']);
const isTranscriptName = (name: string) => transcriptExtensions.has(path.extname(name).toLowerCase());

/** What a build reads: the transcript files, and the entries it could not or would not read, each a problem. */
export interface InputFolder {
  /** /-separated paths relative to the input folder, in a stable order */
  files: string[];
  /** an unreadable sub-folder, a symbolic link: skipped, and said so */
  problems: IngestProblem[];
}

/** Lists a folder's entries; tests inject one that fails. */
export type ReadFolder = (dir: string) => Dirent[];
const readFolderFromDisk: ReadFolder = (dir) => readdirSync(dir, { withFileTypes: true });

/**
 * Every .txt and .md file under `root`, recursively; hidden entries (a leading dot) are not
 * looked at. Symbolic links are not followed: one could lead out of the input folder or loop.
 */
export async function scanInputFolder(root: string, readFolder: ReadFolder = readFolderFromDisk): Promise<InputFolder> {
  const rootStat = statOrError(root);
  if (rootStat instanceof Error) throw new Error(`the input folder ${root} cannot be read (${errorCode(rootStat)})`);
  if (!rootStat.isDirectory()) throw new Error(`the input ${root} is a file, not a folder of transcripts`);
  const files: string[] = [];
  const problems: IngestProblem[] = [];
  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readFolder(path.join(root, folder));
    } catch (error) {
      if (folder === '') throw new Error(`the input folder ${root} cannot be read (${errorCode(error)})`);
      problems.push(skipped(`${folder}/`, 'unreadable', `${folder}/: the folder cannot be read (${errorCode(error)}); the transcripts in it, if any, were not read.`));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        const full = path.join(root, relative);
        const pointsTo = statOrError(full);
        if (isTranscriptName(entry.name) || (!(pointsTo instanceof Error) && pointsTo.isDirectory())) {
          problems.push(skipped(relative, 'symlink', `${relative}: a symbolic link (to ${linkTarget(full)}); links are not followed, so it was not read: copy what it points to into the input folder.`));
        }
      } else if (entry.isDirectory()) walk(relative);
      else if (entry.isFile() && isTranscriptName(entry.name)) files.push(relative);
    }
  };
  walk('');
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(byPath), problems: problems.sort((a, b) => byPath(a.sourcePath, b.sourcePath)) };
}

/** Every .txt and .md file under `root`, recursively, as /-separated relative paths in a stable order. */
export async function listTranscriptFiles(root: string): Promise<string[]> {
  return (await scanInputFolder(root)).files;
}

/**
 * A file's bytes as a plain Uint8Array view. Read synchronously: a worker has nothing else to do
 * meanwhile, and fs/promises costs 5-10x more per small file.
 */
export function readTranscriptBytes(root: string, relativePath: string): Uint8Array {
  const buffer = readFileSync(path.join(root, relativePath));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A listed file that could not be read (permissions, or it went away during the build) is a problem, not a failed build. */
export function unreadableFile(relativePath: string, error: unknown): IngestProblem {
  return skipped(relativePath, 'unreadable', `${relativePath}: the file cannot be read (${errorCode(error)}); skipped.`);
}

function skipped(sourcePath: string, problem: string, message: string): IngestProblem {
  return { sourcePath, problem, severity: 'error', message, action: 'skipped', docId: null };
}

/** "EACCES: permission denied" out of Node's "EACCES: permission denied, open '/the/full/path'". */
function errorCode(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(', ')[0];
}

function statOrError(file: string) {
  try {
    return statSync(file);
  } catch (error) {
    return error as Error;
  }
}

function linkTarget(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return 'somewhere unreadable';
  }
}
