import { closeSync, fstatSync, linkSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The rows of every document of a build, v8-serialized one after another in packs, and
 * `index.json` saying where each document's rows are. One cache per build, under a folder per
 * pipeline version: a rebuild reads the previous build's cache and writes its own.
 *
 * Keyed by (sha256 of the bytes, path): the file name feeds the call metadata (`ACME-2024Q3...`)
 * and every message about the file, so the same bytes under a new name are processed again.
 *
 * Each entry carries a CRC-32 of its serialized rows: a changed byte, a bad offset or length
 * reads as a miss, and the file is processed again; a cache is never trusted byte for byte.
 *
 * A pack is never changed once written. A rebuild does not copy the entries of unchanged files:
 * it links the previous build's packs into its own folder and writes the entries of changed
 * files into one new pack after them. An entry's offset counts from the start of the first pack,
 * the packs read one after another, so an entry listed again keeps its offset. When the bytes
 * no index lists reach half of the packs, or the packs are many, the next build writes one pack anew.
 */
interface CacheIndex {
  pipelineVersion: string;
  /** the packs, in order, with the size each had when it was written: [name, bytes] */
  packs?: [string, number][];
  /** [path, sha256 of the file, offset, length into the packs, CRC-32 of those bytes] */
  entries: [string, string, number, number, string][];
}

export interface Entry {
  offset: number;
  length: number;
  checksum: string;
}

/** A pack open for reading: where it starts among the packs, and its size. */
interface OpenPack {
  fd: number;
  start: number;
  size: number;
}

const firstPackName = 'rows.v8';
const indexName = 'index.json';
/** past this many packs, a rebuild writes one pack anew */
const mostPacks = 16;
const versionFolder = (root: string, version: string) => path.join(root, encodeURIComponent(version));
const keyOf = (file: string, sha256: string) => `${sha256}\u0000${file}`;

/** The packs an index lists; an index of one pack (older caches) names none. */
function packsOf(index: CacheIndex, folder: string): [string, number][] {
  if (Array.isArray(index.packs)) return index.packs;
  return [[firstPackName, statSync(path.join(folder, firstPackName)).size]];
}

function readIndex(root: string, version: string): { folder: string; index: CacheIndex } | null {
  const folder = versionFolder(root, version);
  try {
    const index = JSON.parse(readFileSync(path.join(folder, indexName), 'utf8')) as CacheIndex;
    if (index.pipelineVersion !== version || !Array.isArray(index.entries)) return null;
    return { folder, index };
  } catch {
    return null;
  }
}

export class CacheReader {
  private constructor(
    private readonly packs: OpenPack[],
    private readonly entries: Map<string, Entry>,
  ) {}

  /** The previous build's cache for this pipeline version, or null when there is none (or it is unreadable). */
  static open(root: string, version: string): CacheReader | null {
    const found = readIndex(root, version);
    if (!found) return null;
    const { folder, index } = found;
    const packs: OpenPack[] = [];
    try {
      let start = 0;
      for (const [name, size] of packsOf(index, folder)) {
        if (typeof name !== 'string' || path.basename(name) !== name || !Number.isSafeInteger(size)) throw new Error(`cache: a pack named ${String(name)}`);
        const fd = openSync(path.join(folder, name), 'r');
        packs.push({ fd, start, size: Math.min(size, fstatSync(fd).size) });
        start += size;
      }
    } catch {
      for (const pack of packs) closeSync(pack.fd);
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
    return new CacheReader(packs, entries);
  }

  /** The entry of `file` with these bytes, where it is among the packs. */
  entry(file: string, sha256: string): Entry | undefined {
    return this.entries.get(keyOf(file, sha256));
  }

  /** Whether there is an entry for `file` with these bytes (read() still checks it). */
  has(file: string, sha256: string): boolean {
    const entry = this.entries.get(keyOf(file, sha256));
    return entry !== undefined && this.packOf(entry) !== null;
  }

  /** The pack an entry lies in, whole; null for an offset or length out of bounds. */
  private packOf({ offset, length }: Entry): OpenPack | null {
    if (offset < 0 || length < 0) return null;
    const pack = this.packs.find((p) => offset >= p.start && offset < p.start + p.size) ?? (length === 0 ? this.packs.find((p) => offset === p.start + p.size) : undefined);
    return pack && offset + length <= pack.start + pack.size ? pack : null;
  }

  /** The serialized rows of `file` with these bytes, or null on a miss, a short pack or bytes that fail their checksum. */
  read(file: string, sha256: string): Uint8Array | null {
    const entry = this.entries.get(keyOf(file, sha256));
    if (!entry) return null;
    const pack = this.packOf(entry);
    if (!pack) return null;
    const bytes = new Uint8Array(entry.length);
    try {
      if (readSync(pack.fd, bytes, 0, entry.length, entry.offset - pack.start) !== entry.length) return null;
    } catch {
      return null;
    }
    return checksumOf(bytes) === entry.checksum ? bytes : null;
  }

  close(): void {
    for (const pack of this.packs) closeSync(pack.fd);
  }
}

/**
 * The files (path and sha256, in order) the cache of `root` was built from, or null when it has
 * no readable index for this version. A build whose files are exactly these has nothing to redo.
 */
export function cachedFiles(root: string, version: string): { file: string; sha256: string }[] | null {
  try {
    return readIndex(root, version)?.index.entries.map(([file, sha256]) => ({ file, sha256 })) ?? null;
  } catch {
    return null;
  }
}

export class CacheWriter {
  private readonly entries: CacheIndex['entries'] = [];
  private written = 0;

  private constructor(
    private readonly folder: string,
    private readonly version: string,
    /** the packs linked from the previous build, then this build's own */
    private readonly packs: [string, number][],
    private readonly fd: number,
    /** where this build's pack starts among the packs */
    private readonly start: number,
    /** the packs are the previous build's, linked: its entries can be listed again without their bytes */
    readonly extendsPrevious: boolean,
  ) {}

  /**
   * A new cache in `root`. With `previous`, the root of the previous build's cache, its packs are
   * linked and this build's entries go into a pack after them, when they are mostly live, not
   * too many, and the file system links; otherwise one new pack.
   */
  static create(root: string, version: string, previous: string | null = null): CacheWriter {
    const folder = versionFolder(root, version);
    mkdirSync(folder, { recursive: true });
    const linked = previous ? linkPacks(previous, version, folder) : null;
    const packs = linked ?? [];
    const start = packs.reduce((n, [, size]) => n + size, 0);
    // a name none of the linked packs has: opening one of those to write would change the previous build's
    let name = firstPackName;
    for (let n = packs.length; packs.some(([linkedName]) => linkedName === name); n++) name = `rows-${n}.v8`;
    const fd = openSync(path.join(folder, name), 'w');
    return new CacheWriter(folder, version, [...packs, [name, 0]], fd, start, linked !== null);
  }

  append(file: string, sha256: string, serialized: Uint8Array): void {
    let written = 0;
    while (written < serialized.length) written += writeSync(this.fd, serialized, written, serialized.length - written, this.written + written);
    this.entries.push([file, sha256, this.start + this.written, serialized.length, checksumOf(serialized)]);
    this.written += serialized.length;
  }

  /** An entry of the previous packs, read and found good, listed again where it is (extendsPrevious only). */
  reuse(file: string, sha256: string, entry: Entry): void {
    if (!this.extendsPrevious) throw new Error(`cache: ${file}'s entry cannot be reused in a new pack; its bytes are appended instead`);
    this.entries.push([file, sha256, entry.offset, entry.length, entry.checksum]);
  }

  /** Closes the pack and writes the index last, so a pack without an index is never read. */
  close(): void {
    closeSync(this.fd);
    this.packs[this.packs.length - 1][1] = this.written;
    const index: CacheIndex = { pipelineVersion: this.version, packs: this.packs, entries: this.entries };
    writeFileSync(path.join(this.folder, indexName), JSON.stringify(index));
  }

  /** Closes the pack without an index: a failed build leaves nothing a later build would read. */
  abandon(): void {
    closeSync(this.fd);
  }
}

/**
 * The previous build's packs linked into `folder` (never written to again), when at least half
 * of their bytes are entries its index lists and they are fewer than mostPacks; else null.
 */
function linkPacks(previous: string, version: string, folder: string): [string, number][] | null {
  const found = readIndex(previous, version);
  if (!found) return null;
  const linked: string[] = [];
  try {
    const packs = packsOf(found.index, found.folder);
    const total = packs.reduce((n, [, size]) => n + size, 0);
    const live = found.index.entries.reduce((sum, entry) => sum + (Array.isArray(entry) && Number.isSafeInteger(entry[3]) ? (entry[3] as number) : 0), 0);
    if (packs.length >= mostPacks || live * 2 < total) return null;
    for (const [name] of packs) {
      if (typeof name !== 'string' || path.basename(name) !== name) return null;
      linkSync(path.join(found.folder, name), path.join(folder, name));
      linked.push(name);
    }
    return packs;
  } catch {
    for (const name of linked) rmSync(path.join(folder, name), { force: true });
    return null;
  }
}

function checksumOf(bytes: Uint8Array): string {
  return `crc32:${crc32(bytes).toString(16).padStart(8, '0')}`;
}
