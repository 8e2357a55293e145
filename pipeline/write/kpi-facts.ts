import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Row } from '../../schemas/columns.ts';
import type { kpis } from '../../schemas/index.ts';
import { chooseKpis, kpiCallOf, type KpiFact } from '../extract/kpis.ts';
import { groupBy } from '../group-by.ts';

/**
 * The facts kpis chooses from, set aside in a file a document at a time and read back a call at a
 * time: a KPI is chosen among the statements of one call (its key begins with ticker and call
 * period), so memory holds one call's facts, whatever the size of the corpus. The rows come out
 * as chooseKpis would give them for every fact at once: calls in key order, facts in the order
 * the documents brought them.
 */
export class KpiFactsFile {
  private readonly fd: number;
  private closed = false;
  private offset = 0;
  private readonly byCall = new Map<string, { offset: number; length: number }[]>();

  constructor(private readonly file: string) {
    this.fd = openSync(file, 'w+');
  }

  add(facts: readonly KpiFact[]): void {
    const byCall = groupBy(
      facts.filter((f) => kpiCallOf(f) !== null),
      (f) => kpiCallOf(f)!,
    );
    for (const [call, group] of byCall) {
      const bytes = serialize(group);
      for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written, this.offset + written);
      const parts = this.byCall.get(call) ?? [];
      parts.push({ offset: this.offset, length: bytes.length });
      this.byCall.set(call, parts);
      this.offset += bytes.length;
    }
  }

  /** The kpis rows, a call at a time, in chooseKpis's order. */
  *kpis(): Generator<Row<typeof kpis>[]> {
    // "\u0000" joins ticker and period and sorts before every other character, so calls in this order are kpis keys in order
    for (const call of [...this.byCall.keys()].sort()) {
      const facts: KpiFact[] = [];
      for (const { offset, length } of this.byCall.get(call)!) {
        const bytes = Buffer.alloc(length);
        if (readSync(this.fd, bytes, 0, length, offset) !== length) throw new Error(`kpis: ${this.file} is shorter than the facts written into it`);
        for (const fact of deserialize(bytes) as KpiFact[]) facts.push(fact);
      }
      yield chooseKpis(facts);
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
