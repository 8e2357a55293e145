import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The rows of every document of a build, v8-serialized one after another in `rows.v8`, and
 * `index.json` saying where each document's rows are. One packed file per build, under a
 * folder per pipeline version: a rebuild reads the previous build's pack and writes its own.
 *
 * Keyed by (sha256 of the bytes, path): the file name feeds the call metadata (`ACME-2024Q3...`)
 * and every message about the file, so the same bytes under a new name are processed again.
 */
interface CacheIndex {
  pipelineVersion: string;
  /** [path, sha256, offset, length] into rows.v8 */
  entries: [string, string, number, number][];
}

const packName = 'rows.v8';
const indexName = 'index.json';
const versionFolder = (root: string, version: string) => path.join(root, encodeURIComponent(version));
const keyOf = (file: string, sha256: string) => `${sha256}\u0000${file}`;

export class CacheReader {
  private constructor(
    private readonly fd: number,
    private readonly entries: Map<string, { offset: number; length: number }>,
  ) {}

  /** The previous build's cache for this pipeline version, or null when there is none (or it is unreadable). */
  static open(root: string, version: string): CacheReader | null {
    const folder = versionFolder(root, version);
    let index: CacheIndex;
    try {
      index = JSON.parse(readFileSync(path.join(folder, indexName), 'utf8')) as CacheIndex;
    } catch {
      return null;
    }
    if (index.pipelineVersion !== version || !Array.isArray(index.entries)) return null;
    let fd: number;
    try {
      fd = openSync(path.join(folder, packName), 'r');
    } catch {
      return null;
    }
    const entries = new Map(index.entries.map(([file, sha256, offset, length]) => [keyOf(file, sha256), { offset, length }]));
    return new CacheReader(fd, entries);
  }

  /** The serialized rows of `file` with these bytes, or null on a miss (or a short pack). */
  read(file: string, sha256: string): Uint8Array | null {
    const entry = this.entries.get(keyOf(file, sha256));
    if (!entry) return null;
    const bytes = new Uint8Array(entry.length);
    return readSync(this.fd, bytes, 0, entry.length, entry.offset) === entry.length ? bytes : null;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * The files (path and sha256, in order) the cache of `root` was built from, or null when it has
 * no readable index for this version. A build whose files are exactly these has nothing to redo.
 */
export function cachedFiles(root: string, version: string): { file: string; sha256: string }[] | null {
  try {
    const index = JSON.parse(readFileSync(path.join(versionFolder(root, version), indexName), 'utf8')) as CacheIndex;
    if (index.pipelineVersion !== version || !Array.isArray(index.entries)) return null;
    return index.entries.map(([file, sha256]) => ({ file, sha256 }));
  } catch {
    return null;
  }
}

export class CacheWriter {
  private offset = 0;
  private readonly entries: CacheIndex['entries'] = [];

  private constructor(
    private readonly folder: string,
    private readonly version: string,
    private readonly fd: number,
  ) {}

  static create(root: string, version: string): CacheWriter {
    const folder = versionFolder(root, version);
    mkdirSync(folder, { recursive: true });
    return new CacheWriter(folder, version, openSync(path.join(folder, packName), 'w'));
  }

  append(file: string, sha256: string, serialized: Uint8Array): void {
    let written = 0;
    while (written < serialized.length) written += writeSync(this.fd, serialized, written, serialized.length - written);
    this.entries.push([file, sha256, this.offset, serialized.length]);
    this.offset += serialized.length;
  }

  /** Closes the pack and writes the index last, so a pack without an index is never read. */
  close(): void {
    closeSync(this.fd);
    const index: CacheIndex = { pipelineVersion: this.version, entries: this.entries };
    writeFileSync(path.join(this.folder, indexName), JSON.stringify(index));
  }

  /** Closes the pack without an index: a failed build leaves nothing a later build would read. */
  abandon(): void {
    closeSync(this.fd);
  }
}
