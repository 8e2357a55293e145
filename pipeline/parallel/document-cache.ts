import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The rows of every document of a build, v8-serialized one after another in `rows.v8`, and
 * `index.json` saying where each document's rows are. One packed file per build, under a
 * folder per pipeline version: a rebuild reads the previous build's pack and writes its own.
 *
 * Keyed by (sha256 of the bytes, path): the file name feeds the call metadata (`ACME-2024Q3...`)
 * and every message about the file, so the same bytes under a new name are processed again.
 *
 * Each entry carries the sha256 of its serialized rows: a changed byte, a bad offset or length
 * reads as a miss, and the file is processed again; a cache is never trusted byte for byte.
 */
interface CacheIndex {
  pipelineVersion: string;
  /** [path, sha256 of the file, offset, length into rows.v8, sha256 of those bytes] */
  entries: [string, string, number, number, string][];
}

interface Entry {
  offset: number;
  length: number;
  checksum: string;
}

const packName = 'rows.v8';
const indexName = 'index.json';
const versionFolder = (root: string, version: string) => path.join(root, encodeURIComponent(version));
const keyOf = (file: string, sha256: string) => `${sha256}\u0000${file}`;

export class CacheReader {
  private constructor(
    private readonly fd: number,
    private readonly packSize: number,
    private readonly entries: Map<string, Entry>,
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
    let packSize: number;
    try {
      fd = openSync(path.join(folder, packName), 'r');
      packSize = fstatSync(fd).size;
    } catch {
      return null;
    }
    const entries = new Map<string, Entry>();
    for (const entry of index.entries) {
      // an entry of another shape (an older cache, a damaged index) is no entry
      if (!Array.isArray(entry) || entry.length !== 5) continue;
      const [file, sha256, offset, length, checksum] = entry as unknown[];
      if (typeof file !== 'string' || typeof sha256 !== 'string' || typeof checksum !== 'string') continue;
      if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) continue;
      entries.set(keyOf(file, sha256), { offset: offset as number, length: length as number, checksum });
    }
    return new CacheReader(fd, packSize, entries);
  }

  /** Whether there is an entry for `file` with these bytes (read() still checks it). */
  has(file: string, sha256: string): boolean {
    const entry = this.entries.get(keyOf(file, sha256));
    return entry !== undefined && entry.offset >= 0 && entry.length >= 0 && entry.offset + entry.length <= this.packSize;
  }

  /** The serialized rows of `file` with these bytes, or null on a miss, a short pack or bytes that fail their checksum. */
  read(file: string, sha256: string): Uint8Array | null {
    const entry = this.entries.get(keyOf(file, sha256));
    if (!entry) return null;
    const { offset, length, checksum } = entry;
    if (offset < 0 || length < 0 || offset + length > this.packSize) return null;
    const bytes = new Uint8Array(length);
    try {
      if (readSync(this.fd, bytes, 0, length, offset) !== length) return null;
    } catch {
      return null;
    }
    return checksumOf(bytes) === checksum ? bytes : null;
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
    this.entries.push([file, sha256, this.offset, serialized.length, checksumOf(serialized)]);
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

function checksumOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
