import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { pipelineVersion as currentPipelineVersion } from '../version.ts';
import { CacheReader, CacheWriter, type Entry } from './document-cache.ts';
import type { BatchRequest, WorkerMessage } from './messages.ts';
import { readTranscriptBytes } from '../ingest/read-folder.ts';
import { addTime, overBudget, processFile, sha256Of, type Output, type Processed, type StageTimes } from './process-file.ts';

export interface ProcessFilesOptions<O extends Output = 'rows'> {
  /** each file's rows (the default), or its rows encoded as the dataset writes them (a build's) */
  output?: O;
  /** input folder */
  input: string;
  /** relative paths, already sorted */
  files: string[];
  /** worker count; 1 = in this thread, no workers */
  jobs: number;
  /** folder of a previous build's cache (OUT/cache of the dataset being replaced), may not exist */
  cacheFrom: string | null;
  /** folder to write this build's cache into (inside the staging output folder) */
  cacheTo: string | null;
  onProgress?: (done: number, total: number) => void;
  /** the version the cache is keyed by; tests inject one, builds use pipeline/version.ts */
  pipelineVersion?: string;
  /** fewer files to process than this are processed in this thread: starting a worker costs more than they do */
  minFilesForWorkers?: number;
  /**
   * Each file's rows handed over in `files` order as soon as they and those before them are
   * ready, and not kept: `rows` of the result is then empty, and memory holds only the files
   * that wait for an earlier one (a cached file waits as its serialized bytes).
   */
  onDocument?: (index: number, rows: Processed<O>) => void;
}

export interface ProcessFilesResult<O extends Output = 'rows'> {
  /** one entry per file, in `files` order */
  rows: Processed<O>[];
  cacheHits: number;
  /** milliseconds per stage, summed over files and workers */
  stageTimes: Record<string, number>;
}

const workerEntry = new URL('./worker-entry.js', import.meta.url);
/** Batches in flight per worker: one being processed, one waiting, so a worker never idles on the main thread. */
const batchesInFlight = 2;

/**
 * processTranscript for every file, in parallel when jobs > 1, reusing the previous build's rows
 * for every file whose bytes, path and pipeline version are unchanged. The result is the same as
 * calling processTranscript on each file in order.
 */
export async function processFiles<O extends Output = 'rows'>(options: ProcessFilesOptions<O>): Promise<ProcessFilesResult<O>> {
  const { input, files, jobs } = options;
  const output = (options.output ?? 'rows') as O;
  const version = cacheVersion(options.pipelineVersion ?? currentPipelineVersion, output);
  const minFilesForWorkers = options.minFilesForWorkers ?? 16;
  const times: StageTimes = {};
  const rows: Processed<O>[] = new Array(files.length);
  let done = 0;
  let cacheHits = 0;

  const reader = options.cacheFrom ? CacheReader.open(options.cacheFrom, version) : null;
  // the previous pack extended, not copied, when there is one to read
  const writer = options.cacheTo ? CacheWriter.create(options.cacheTo, version, reader ? options.cacheFrom : null) : null;
  const sink = new CacheSink(files, writer, times);
  const hitSha = new Map<number, string>();
  const inOrder = options.onDocument
    ? new InOrder<Processed<O>>(options.onDocument, {
        read: (index) => {
          const t = performance.now();
          const serialized = reader?.read(files[index], hitSha.get(index)!) ?? null;
          addTime(times, 'cache_read', t);
          return serialized;
        },
        accepted: (index, serialized) => {
          cacheHits++;
          sink.put(index, hitSha.get(index)!, serialized, reader!.entry(files[index], hitSha.get(index)!));
          options.onProgress?.(++done, files.length);
        },
        reprocess: async (index) => {
          const processed = await processFile(input, files[index], output, writer !== null, times);
          finish(index, processed.sha256, processed.rows, processed.serialized);
        },
      })
    : null;
  const finish = (index: number, sha256: string, documentRows: Processed<O>, serialized: Uint8Array | null, cachedEntry?: Entry) => {
    if (inOrder) inOrder.ready(index, documentRows);
    else rows[index] = documentRows;
    // a file skipped for time is not cached: the next build, maybe on a quieter machine, tries it again
    sink.put(index, sha256, overBudget(documentRows) ? null : serialized, cachedEntry);
    options.onProgress?.(++done, files.length);
  };

  try {
    const misses: number[] = [];
    for (let index = 0; index < files.length; index++) {
      if (inOrder && reader) {
        // a cached file is read from the cache only when its turn comes, after the files to process are under way
        const sha256 = cachedSha(reader, input, files[index], times);
        if (sha256) {
          hitSha.set(index, sha256);
          inOrder.cached(index);
        } else misses.push(index);
        continue;
      }
      const cached = reader ? await readCached<Processed<O>>(reader, input, files[index], times) : null;
      if (cached) {
        cacheHits++;
        finish(index, cached.sha256, cached.rows, cached.serialized, reader!.entry(files[index], cached.sha256));
      } else misses.push(index);
    }
    if (jobs > 1 && misses.length >= Math.max(2, minFilesForWorkers)) {
      await processInWorkers(input, output, files, misses, jobs, times, (index, sha256, serialized) => {
        const t = performance.now();
        const documentRows = deserialize(serialized) as Processed<O>;
        addTime(times, 'deserialize', t);
        finish(index, sha256, documentRows, serialized);
      });
    } else {
      for (const index of misses) {
        const processed = await processFile(input, files[index], output, writer !== null, times);
        finish(index, processed.sha256, processed.rows, processed.serialized);
      }
    }
    await inOrder?.drain();
    sink.close();
  } catch (error) {
    writer?.abandon();
    throw error;
  } finally {
    reader?.close();
  }
  return { rows, cacheHits, stageTimes: times };
}

/** The cache of a build (encoded documents) is kept apart from one of rows: neither reads the other's entries. */
export function cacheVersion(version: string, output: Output): string {
  return output === 'rows' ? version : `${version}+${output}`;
}

/** The hash of this file's bytes when the previous build's cache has an entry for them, else null. */
function cachedSha(reader: CacheReader, input: string, file: string, times: StageTimes): string | null {
  let t = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = readTranscriptBytes(input, file);
  } catch {
    return null; // processFile reports the file as unreadable
  }
  t = addTime(times, 'read', t);
  const sha256 = sha256Of(bytes);
  addTime(times, 'hash', t);
  return reader.has(file, sha256) ? sha256 : null;
}

interface CachedSource {
  /** the entry's serialized rows, or null when they fail their checksum */
  read(index: number): Uint8Array | null;
  /** a cached file's rows were good and are handed over */
  accepted(index: number, serialized: Uint8Array): void;
  /** a damaged entry: the file processed again, its rows handed in with ready() */
  reprocess(index: number): Promise<void>;
}

/**
 * Hands rows over in index order. A processed file that comes early waits as its rows; a cached
 * one is read from the cache only on its turn, so a build with few changed files holds only them.
 */
class InOrder<T> {
  private next = 0;
  private readonly waiting = new Map<number, T>();
  private readonly hits = new Set<number>();
  private damaged: number | null = null;

  constructor(
    private readonly deliver: (index: number, rows: T) => void,
    private readonly source: CachedSource,
  ) {}

  ready(index: number, rows: T): void {
    this.waiting.set(index, rows);
    this.flush();
  }

  cached(index: number): void {
    this.hits.add(index);
  }

  private flush(): void {
    while (this.damaged === null) {
      let rows = this.waiting.get(this.next);
      if (rows) this.waiting.delete(this.next);
      else if (this.hits.has(this.next)) {
        this.hits.delete(this.next);
        const serialized = this.source.read(this.next);
        try {
          rows = serialized ? (deserialize(serialized) as T) : undefined;
        } catch {
          rows = undefined;
        }
        if (!rows || !serialized) {
          this.damaged = this.next; // processed again in drain()
          return;
        }
        this.source.accepted(this.next, serialized);
      } else return;
      this.deliver(this.next++, rows);
    }
  }

  /** After every file to process was handed in: the cached files left, a damaged entry processed again. */
  async drain(): Promise<void> {
    this.flush();
    while (this.damaged !== null) {
      const index = this.damaged;
      this.damaged = null;
      await this.source.reprocess(index);
    }
    if (this.waiting.size || this.hits.size) throw new Error(`processFiles: ${this.waiting.size + this.hits.size} files' rows were never handed over (the next expected was number ${this.next})`);
  }
}

/** The previous build's rows of this file when its bytes are unchanged, else null. */
async function readCached<T>(reader: CacheReader, input: string, file: string, times: StageTimes) {
  const sha256 = cachedSha(reader, input, file, times);
  if (!sha256) return null;
  const t = performance.now();
  const serialized = reader.read(file, sha256);
  if (!serialized) return null;
  try {
    const rows = deserialize(serialized) as T;
    addTime(times, 'cache_read', t);
    return { sha256, rows, serialized };
  } catch {
    return null; // a damaged entry is a miss: the file is processed again
  }
}

/** Writes the serialized rows into this build's cache in `files` order, whatever order they finish in. */
class CacheSink {
  private next = 0;
  private readonly waiting = new Map<number, { sha256: string; serialized: Uint8Array | null; entry?: Entry }>();

  constructor(
    private readonly files: string[],
    private readonly writer: CacheWriter | null,
    private readonly times: StageTimes,
  ) {}

  /**
   * `serialized` null: the file's rows are not to be cached (or were not serialized). `entry`: the
   * previous build's entry the rows were read from, listed again when the pack is the previous one.
   */
  put(index: number, sha256: string, serialized: Uint8Array | null, entry?: Entry): void {
    if (!this.writer) return;
    const t = performance.now();
    const reused = entry && this.writer.extendsPrevious ? entry : undefined;
    this.waiting.set(index, { sha256, serialized: reused ? null : serialized, entry: reused });
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      if (ready.entry) this.writer.reuse(this.files[this.next], ready.sha256, ready.entry);
      else if (ready.serialized) this.writer.append(this.files[this.next], ready.sha256, ready.serialized);
      this.waiting.delete(this.next++);
    }
    addTime(this.times, 'cache_write', t);
  }

  close(): void {
    if (!this.writer) return;
    if (this.next !== this.files.length) throw new Error(`cache: expected rows of ${this.files.length} files, wrote ${this.next}`);
    this.writer.close();
  }
}

type OnResult = (index: number, sha256: string, serialized: Uint8Array) => void;

/** Sends the files to `jobs` workers in batches, a few batches ahead, and hands each result back as it arrives. */
async function processInWorkers(input: string, output: Output, files: string[], indexes: number[], jobs: number, times: StageTimes, onResult: OnResult): Promise<void> {
  // Small batches keep the workers busy to the end; big ones cut messages. ~8 batches per worker.
  const batchSize = Math.min(32, Math.max(1, Math.ceil(indexes.length / (jobs * 8))));
  const batches: BatchRequest[] = [];
  for (let start = 0; start < indexes.length; start += batchSize) {
    const slice = indexes.slice(start, start + batchSize);
    batches.push({ batch: batches.length, input, output, files: slice.map((index) => ({ index, path: files[index] })) });
  }
  const started = performance.now();
  const workers = Array.from({ length: Math.min(jobs, batches.length) }, () => new Worker(workerEntry, { execArgv: workerExecArgv() }));
  let nextBatch = 0;
  let batchesDone = 0;

  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (!settled) reject(error);
        settled = true;
      };
      const dispatch = (worker: Worker) => {
        if (nextBatch < batches.length) worker.postMessage(batches[nextBatch++]);
      };
      for (const worker of workers) {
        for (let i = 0; i < batchesInFlight; i++) dispatch(worker);
        worker.on('message', (message: WorkerMessage) => {
          if (settled) return;
          if (message.kind === 'ready') {
            times.worker_start = Math.max(times.worker_start ?? 0, performance.now() - started);
          } else if (message.kind === 'failed') {
            fail(new Error(`processing ${message.file} failed in a worker: ${message.error}`));
          } else {
            for (const [stage, ms] of Object.entries(message.times)) times[stage] = (times[stage] ?? 0) + ms;
            try {
              for (const { index, sha256, serialized } of message.results) onResult(index, sha256, serialized);
            } catch (error) {
              fail(error as Error);
              return;
            }
            dispatch(worker);
            if (++batchesDone === batches.length) {
              settled = true;
              resolve();
            }
          }
        });
        worker.on('error', (error) => fail(error));
        worker.on('exit', (code) => fail(new Error(`a worker exited (code ${code}) before its files were processed`)));
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * The parent's node flags without tsx's own loader flags: worker-entry.js registers tsx itself,
 * the same way under `npx tsx`, the hashkpi bin and vitest. Flags such as --cpu-prof stay.
 */
function workerExecArgv(): string[] {
  const argv = process.execArgv;
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const [name, inline] = flag.split(/=(.*)/s, 2);
    if (['--import', '--require', '-r', '--loader', '--experimental-loader'].includes(name)) {
      const value = inline ?? argv[++i] ?? '';
      if (/tsx|vitest|vite-node/.test(value)) continue;
      kept.push(name, value);
    } else kept.push(flag);
  }
  return kept;
}
