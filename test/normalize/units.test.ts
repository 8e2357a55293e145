import { describe, expect, it } from 'vitest';
import { scaleWords, units } from '../../registries/units.ts';
import { resolveUnit, type SaidUnit } from '../../pipeline/normalize/units.ts';

const unit = (id: string, said = id): SaidUnit => {
  const entry = units.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no unit ${id} in the registry`);
  return { entry, said };
};
const scale = (word: string) => scaleWords.find((candidate) => candidate.word === word) ?? null;

describe('resolveUnit', () => {
  it.each([
    ['million terahash per second', { scale: scale('million'), numerator: unit('terahash_per_second', 'terahash per second'), denominators: [] }, 'TH/s', 6, 'million TH/s'],
    ['exahash', { scale: null, numerator: unit('exahash_per_second', 'exahash'), denominators: [] }, 'TH/s', 6, 'EH'],
    ['萬美元', { scale: scale('萬'), numerator: unit('us_dollar', '美元'), denominators: [] }, 'USD', 4, '萬 USD'],
    ['$ per terahash per second', { scale: null, numerator: unit('us_dollar', '$'), denominators: [unit('terahash_per_second', 'terahash per second')] }, 'USD/(TH/s)', 0, 'USD/(TH/s)'],
    ['$ per terahash per day', { scale: null, numerator: unit('us_dollar', '$'), denominators: [unit('terahash_per_second', 'terahash'), unit('day')] }, 'USD/(PH/s)/day', 3, 'USD/TH/day'],
    ['cents per kWh', { scale: null, numerator: unit('us_cent', 'cents'), denominators: [unit('kilowatt_hour', 'kWh')] }, 'USD/kWh', -2, 'cents/kWh'],
    ['W/TH', { scale: null, numerator: unit('watt', 'W'), denominators: [unit('terahash_per_second', 'TH')] }, 'J/TH', 0, 'W/TH'],
    ['joules', { scale: null, numerator: unit('joule', 'joules'), denominators: [] }, 'J/TH', 0, 'J'],
    ['RMB per share', { scale: null, numerator: unit('renminbi', 'RMB'), denominators: [unit('share')] }, 'RMB/share', 0, 'RMB/share'],
    ['basis points', { scale: null, numerator: unit('basis_point', 'basis points'), denominators: [] }, '%', -2, 'bps'],
    ['gigawatts', { scale: null, numerator: unit('gigawatt', 'gigawatts'), denominators: [] }, 'MW', 3, 'GW'],
    ['billion (bare)', { scale: scale('billion'), numerator: null, denominators: [] }, '', 9, 'billion'],
  ] as const)('%s', (_said, phrase, canonical, exponent, statedUnit) => {
    const resolved = resolveUnit({ ...phrase, denominators: [...phrase.denominators] });
    expect(resolved).toMatchObject({ unit: canonical, exponent, statedUnit, flags: [] });
  });

  it('flags an efficiency said in units that cannot be meant', () => {
    const resolved = resolveUnit({ scale: null, numerator: unit('gigawatt', 'gigawatts'), denominators: [unit('hash_per_second', 'hash')] });
    expect(resolved).toMatchObject({ unit: '', dimension: 'efficiency', flags: ['unit_mismatch'], exponent: 0 });
  });

  it('flags a ratio that has no canonical unit', () => {
    const resolved = resolveUnit({ scale: scale('million'), numerator: unit('us_dollar', '$'), denominators: [unit('megawatt', 'megawatt')] });
    expect(resolved).toMatchObject({ unit: '', flags: ['unit_unsupported'], exponent: 6 });
  });
});

describe('the unit registry', () => {
  it('spells every canonical unit as METRICS.md does', () => {
    const canonical = new Set(['TH/s', 'J', 'MW', 'kWh', 'USD', 'RMB', 'CAD', 'HKD', 'EUR', 'BTC', '%', 'units', 'degC', 'day', 'share']);
    for (const entry of units) expect(canonical.has(entry.canonical), entry.id).toBe(true);
  });
  it('has unique ids and power-of-ten factors', () => {
    expect(new Set(units.map((entry) => entry.id)).size).toBe(units.length);
    for (const entry of units) expect(entry.factor).toMatch(/^1e-?\d+$/);
  });
});
