import { closeSync, fstatSync, linkSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The rows of every document of a build, v8-serialized one after another in `rows.v8`, and
 * `index.json` saying where each document's rows are. One packed file per build, under a
 * folder per pipeline version: a rebuild reads the previous build's pack and writes its own.
 *
 * Keyed by (sha256 of the bytes, path): the file name feeds the call metadata (`ACME-2024Q3...`)
 * and every message about the file, so the same bytes under a new name are processed again.
 *
 * Each entry carries a CRC-32 of its serialized rows: a changed byte, a bad offset or length
 * reads as a miss, and the file is processed again; a cache is never trusted byte for byte.
 *
 * A rebuild does not copy the entries of unchanged files: the new pack is the previous one,
 * linked, with the entries of changed files appended, and its index lists only this build's
 * entries. When the bytes no index lists reach half the pack, the next build writes a new pack.
 */
interface CacheIndex {
  pipelineVersion: string;
  /** [path, sha256 of the file, offset, length into rows.v8, CRC-32 of those bytes] */
  entries: [string, string, number, number, string][];
}

export interface Entry {
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

  /** The entry of `file` with these bytes, where it is in the pack. */
  entry(file: string, sha256: string): Entry | undefined {
    return this.entries.get(keyOf(file, sha256));
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
  private readonly entries: CacheIndex['entries'] = [];

  private constructor(
    private readonly folder: string,
    private readonly version: string,
    private readonly fd: number,
    private offset: number,
    /** the pack is the previous build's, linked: its entries can be listed again without their bytes */
    readonly extendsPrevious: boolean,
  ) {}

  /**
   * A new cache in `root`. With `previous`, the root of the previous build's cache, its pack is
   * linked and extended when it is mostly live (and the file system links); otherwise a new pack.
   */
  static create(root: string, version: string, previous: string | null = null): CacheWriter {
    const folder = versionFolder(root, version);
    mkdirSync(folder, { recursive: true });
    const pack = path.join(folder, packName);
    if (previous && mostlyLive(previous, version)) {
      try {
        linkSync(path.join(versionFolder(previous, version), packName), pack);
        const fd = openSync(pack, 'r+');
        return new CacheWriter(folder, version, fd, fstatSync(fd).size, true);
      } catch {
        rmSync(pack, { force: true });
      }
    }
    return new CacheWriter(folder, version, openSync(pack, 'w'), 0, false);
  }

  append(file: string, sha256: string, serialized: Uint8Array): void {
    let written = 0;
    while (written < serialized.length) written += writeSync(this.fd, serialized, written, serialized.length - written, this.offset + written);
    this.entries.push([file, sha256, this.offset, serialized.length, checksumOf(serialized)]);
    this.offset += serialized.length;
  }

  /** An entry of the previous pack, read and found good, listed again where it is (extendsPrevious only). */
  reuse(file: string, sha256: string, entry: Entry): void {
    if (!this.extendsPrevious) throw new Error(`cache: ${file}'s entry cannot be reused in a new pack; its bytes are appended instead`);
    this.entries.push([file, sha256, entry.offset, entry.length, entry.checksum]);
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

/** Whether at least half of the previous pack's bytes are entries its index lists. */
function mostlyLive(root: string, version: string): boolean {
  try {
    const folder = versionFolder(root, version);
    const index = JSON.parse(readFileSync(path.join(folder, indexName), 'utf8')) as CacheIndex;
    if (index.pipelineVersion !== version || !Array.isArray(index.entries)) return false;
    const live = index.entries.reduce((sum, entry) => sum + (Array.isArray(entry) && Number.isSafeInteger(entry[3]) ? (entry[3] as number) : 0), 0);
    return live * 2 >= statSync(path.join(folder, packName)).size;
  } catch {
    return false;
  }
}

function checksumOf(bytes: Uint8Array): string {
  return `crc32:${crc32(bytes).toString(16).padStart(8, '0')}`;
}
