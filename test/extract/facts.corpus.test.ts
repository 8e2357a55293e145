import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { hasRealCorpus, realCorpus } from '../paths.ts';

describe.skipIf(!hasRealCorpus)('facts of the real Canaan call (../shared/corpus)', () => {
  const file = 'CAN-2024Q3.statementdog.txt';
  const rows = hasRealCorpus ? processTranscript(file, readFileSync(path.join(realCorpus, file))) : null;
  const facts = rows?.facts ?? [];
  const find = (want: Record<string, unknown>) => facts.filter((f) => Object.entries(want).every(([k, v]) => (f as Record<string, unknown>)[k] === v));

  it.each([
    [{ metric: 'revenue_total', value: 73_600_000, unit: 'USD', period: '2024Q3', change_kind: null }],
    [{ metric: 'hashrate_sold', value: 7_300_000, unit: 'TH/s', change_kind: null }],
    [{ metric: 'hashrate_sold', value: 93.8, unit: '%', change_kind: 'yoy' }],
    [{ metric: 'hashrate_sold', value: 16.4, unit: '%', change_kind: 'qoq' }],
    [{ metric: 'asp_per_hashrate', value: 8.8, unit: 'USD/(TH/s)' }],
    [{ metric: 'btc_mined', value: 147, unit: 'BTC' }],
    [{ metric: 'btc_held', value: 1212, unit: 'BTC', period: '2024-09-30' }],
    [{ metric: 'btc_held', value: 1231, unit: 'BTC', period: '2024-09-30' }],
    [{ metric: 'hashrate_installed', value: 4_600_000, unit: 'TH/s', period: '2024-09-30' }],
    [{ metric: 'product_hashrate', value: 215, unit: 'TH/s', basis: 'spec', entity: 'A15 Pro' }],
    [{ metric: 'efficiency', value: 16.8, unit: 'J/TH', basis: 'spec' }],
    [{ metric: 'cash', value: 72_000_000, unit: 'USD' }],
    [{ metric: 'revenue_total', value: 80_000_000, unit: 'USD', basis: 'guidance', period: '2024Q4' }],
    [{ metric: 'hashrate_target', value: 10_000_000, unit: 'TH/s', basis: 'target', entity: 'North America' }],
  ])('includes %o', (want) => {
    expect(find(want).length, JSON.stringify(want)).toBeGreaterThan(0);
  });

  it('makes no fact of a form name, a model name or the operator instructions', () => {
    const points = [...readFileSync(path.join(realCorpus, file), 'utf8').replace(/^\uFEFF/, '')];
    for (const f of facts) {
      // the number of a fact never is the digits of "20-F", "A1566I", "A15 Pro" or "Nano 3"
      expect(points.slice(f.char_start, f.char_end + 2).join('')).not.toMatch(/^\d+-F/);
      expect(f.quote).not.toMatch(/^(?:20-F|A1566I|A15\b|Nano 3)/);
      expect(points.slice(Math.max(0, f.char_start - 5), f.char_start).join('')).not.toMatch(/(?:\bA|Nano )$/);
      expect(f.speaker).not.toBe('Operator');
    }
  });

  it('quotes exactly the source text at each span', () => {
    const text = readFileSync(path.join(realCorpus, file), 'utf8').replace(/^\uFEFF/, '');
    const points = [...text];
    for (const f of facts) expect(points.slice(f.char_start, f.char_end).join('')).toBe(f.quote);
  });
});

describe.skipIf(!hasRealCorpus)('facts of the other real calls', () => {
  it.each(['CLSK-2025Q4.wire.txt', 'MARA-2025Q4.webcopy.txt'])('%s: facts carry ticker, period and a quote that slices back', (file) => {
    const text = readFileSync(path.join(realCorpus, file), 'utf8');
    const rows = processTranscript(file, readFileSync(path.join(realCorpus, file)));
    expect(rows.facts.length).toBeGreaterThan(10);
    const points = [...text.replace(/^\uFEFF/, '')];
    for (const f of rows.facts) {
      expect(f.ticker).toBe(file.split('-')[0]);
      expect(points.slice(f.char_start, f.char_end).join('')).toBe(f.quote);
    }
  });
});
