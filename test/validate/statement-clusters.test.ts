import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../schemas/columns.ts';
import type { facts } from '../../schemas/index.ts';
import { clusterStatements, representative, sameFigure } from '../../pipeline/validate/checks/statement-clusters.ts';

type Fact = Row<typeof facts>;

let next = 0;
function said(stated: string, value: number, qualifier = 'exact'): Fact {
  next += 1;
  return {
    fact_id: `f${next}`, doc_id: 'd', ticker: 'T', call_period: '2025Q2', metric: 'btc_held', value, value_high: null, unit: 'BTC',
    stated_value: stated, stated_unit: 'BTC', qualifier, period: '2025-06-30', period_start: '2025-06-30', period_end: '2025-06-30', basis: 'actual', change_kind: null, entity: null,
    speaker: 'S', section: 'prepared_remarks', paragraph_index: 0, char_start: next * 10, char_end: next * 10 + 5, quote: stated, sentence: stated, confidence: 'high',
  };
}

// How two statements of one figure are said: [first, second, same figure?]
const pairs: [Fact, Fact, boolean][] = [
  [said('1,231', 1231), said('1,212', 1212), false],
  [said('73.6', 73_600_000), said('74', 74_000_000, 'nearly'), true],
  [said('64.58', 64_580_000), said('64', 64_000_000), true], // cut off, not rounded
  [said('64.58', 64_580_000), said('63', 63_000_000), false],
  [said('1,340', 1340), said('1,300', 1300, 'approximately'), true],
  [said('1,340', 1340), said('1,300', 1300), false], // an exact round number is exact
  [said('7.30', 7_300_000), said('7.3', 7_300_000), true],
];

describe('sameFigure', () => {
  it.each(pairs)('%#: %o and %o', (a, b, same) => {
    expect(sameFigure(a, b)).toBe(same);
    expect(sameFigure(b, a)).toBe(same);
  });

  it('groups statements into the distinct figures, first said first', () => {
    const list = [said('1,231', 1231), said('1,212', 1212), said('1,212', 1212)];
    const clusters = clusterStatements(list);
    expect(clusters.map((c) => c.map((f) => f.value))).toEqual([[1231], [1212, 1212]]);
    expect(representative(list)?.value).toBe(1212);
  });

  it('partitions any list of statements', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 12 }), (values) => {
        const list = values.map((v) => said(v.toLocaleString('en-US'), v));
        const clusters = clusterStatements(list);
        expect(clusters.flat().map((f) => f.fact_id).sort()).toEqual(list.map((f) => f.fact_id).sort());
        for (const c of clusters) for (const a of c) for (const b of c) expect(sameFigure(a, b)).toBe(true);
      }),
    );
  });
});

// The grouping as first written (each statement against every member of each group), the reference
// for the one that compares distinct figures once.
function clusterByEveryMember(statements: readonly Fact[]): Fact[][] {
  const clusters: Fact[][] = [];
  for (const f of [...statements].sort((a, b) => a.char_start - b.char_start)) {
    const home = clusters.find((c) => c.every((g) => sameFigure(f, g)));
    if (home) home.push(f);
    else clusters.push([f]);
  }
  return clusters;
}

describe('clusterStatements, bounded', () => {
  const figure = fc.record({
    stated: fc.constantFrom('1,231', '1,212', '1,200', '1,230', '1.2', '1.23', '1,300', '73.6', '74', '64.58', '64'),
    scale: fc.constantFrom(1, 1000, 1_000_000),
    qualifier: fc.constantFrom('exact', 'approximately', 'nearly'),
  });

  it('groups as comparing every member does, for lists of repeated and nearby figures', () => {
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 40 }), (list) => {
        const statements = list.map(({ stated, scale, qualifier }) => said(stated, Number(stated.replace(/,/g, '')) * scale, qualifier));
        const ids = (clusters: Fact[][]) => clusters.map((c) => c.map((f) => f.fact_id));
        expect(ids(clusterStatements(statements))).toEqual(ids(clusterByEveryMember(statements)));
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('groups 30,000 statements of three figures in well under a second (comparing every member took minutes)', () => {
    const statements = Array.from({ length: 30_000 }, (_, i) => said(['6,215', '6,125', '5,835'][i % 3], [6215, 6125, 5835][i % 3]));
    const started = performance.now();
    const clusters = clusterStatements(statements);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(clusters.map((c) => c.length)).toEqual([10_000, 10_000, 10_000]);
  });

  it('a key with more distinct figures than any call says is grouped in value order, still one group per figure', () => {
    // 2% apart: no two agree
    const value = (i: number) => Math.round(1000 * 1.02 ** (i % 500));
    const statements = Array.from({ length: 5_000 }, (_, i) => said(String(value(i)), value(i)));
    const started = performance.now();
    const clusters = clusterStatements(statements);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(clusters).toHaveLength(500);
    expect(clusters[0].every((f) => f.value === 1000)).toBe(true);
  });
});
