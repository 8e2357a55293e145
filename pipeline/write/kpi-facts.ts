import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { CacheReader, CacheWriter } from '../parallel/document-cache.ts';
import type { Row } from '../../schemas/columns.ts';
import type { kpis } from '../../schemas/index.ts';
import { chooseKpis, type KpiFact } from '../extract/kpis.ts';
import type { KpiFactsOfCall } from './encoded-document.ts';

/**
 * The facts kpis chooses from, set aside in a file a document at a time and read back a call at a
 * time: a KPI is chosen among the statements of one call (its key begins with ticker and call
 * period), so memory holds one call's facts, whatever the size of the corpus. The rows come out
 * as chooseKpis would give them for every fact at once: calls in key order, facts in the order
 * the documents brought them.
 *
 * A call's KPIs are kept in a cache of their own, keyed by the call and the hash of its facts: a
 * rebuild reads a call whose facts are unchanged from it instead of choosing again.
 */
export class KpiFactsFile {
  private readonly fd: number;
  private closed = false;
  private offset = 0;
  private readonly byCall = new Map<string, { offset: number; length: number }[]>();

  constructor(
    private readonly file: string,
    private readonly cache: { from: string | null; to: string; version: string } | null = null,
  ) {
    this.fd = openSync(file, 'w+');
  }

  /** A document's facts, by call, as its worker serialized them (kpiFactsByCall). */
  add(byCall: readonly KpiFactsOfCall[]): void {
    for (const { call, facts: bytes } of byCall) {
      for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written, this.offset + written);
      const parts = this.byCall.get(call) ?? [];
      parts.push({ offset: this.offset, length: bytes.length });
      this.byCall.set(call, parts);
      this.offset += bytes.length;
    }
  }

  /**
   * The kpis rows, a call at a time, in chooseKpis's order, each call's made into what `made`
   * returns (the build: checked and encoded), which is what the cache keeps; `unchanged` when
   * they came from the previous build's cache, chosen from the same facts.
   */
  *kpis<T>(made: (rows: Row<typeof kpis>[]) => T): Generator<{ ticker: string; callPeriod: string; value: T; unchanged: boolean }> {
    const reader = this.cache?.from ? CacheReader.open(this.cache.from, this.cache.version) : null;
    const writer = this.cache ? CacheWriter.create(this.cache.to, this.cache.version, reader ? this.cache.from : null) : null;
    let closed = false;
    try {
      // "\u0000" joins ticker and period and sorts before every other character, so calls in this order are kpis keys in order
      for (const call of [...this.byCall.keys()].sort()) {
        const parts = this.byCall.get(call)!.map(({ offset, length }) => {
          const bytes = Buffer.alloc(length);
          if (readSync(this.fd, bytes, 0, length, offset) !== length) throw new Error(`kpis: ${this.file} is shorter than the facts written into it`);
          return bytes;
        });
        const hash = parts.reduce((h, bytes) => h.update(bytes), createHash('sha256')).digest('hex');
        const cached = reader?.read(call, hash);
        if (cached) {
          const entry = reader!.entry(call, hash)!;
          if (writer?.extendsPrevious) writer.reuse(call, hash, entry);
          else writer?.append(call, hash, cached);
          yield { ...callOf(call), value: deserialize(cached) as T, unchanged: true };
          continue;
        }
        const facts: KpiFact[] = [];
        for (const bytes of parts) for (const fact of deserialize(bytes) as KpiFact[]) facts.push(fact);
        const result = made(chooseKpis(facts));
        writer?.append(call, hash, serialize(result));
        yield { ...callOf(call), value: result, unchanged: false };
      }
      writer?.close();
      closed = true;
    } finally {
      // also when the rows' reader stops early, or fails
      if (!closed) writer?.abandon();
      reader?.close();
    }
  }

  /** Closes the file and removes it; again, nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.file, { force: true });
  }
}

function callOf(call: string): { ticker: string; callPeriod: string } {
  const [ticker, callPeriod] = call.split('\u0000');
  return { ticker, callPeriod };
}
