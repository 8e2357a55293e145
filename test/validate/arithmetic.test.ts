import { describe, expect, it } from 'vitest';
import { earlierPeriod } from '../../pipeline/validate/checks/arithmetic.ts';

// What a change is measured against: [period of the change, kind, the earlier period]
const periods: [string, 'yoy' | 'qoq', string | null][] = [
  ['2024Q3', 'qoq', '2024Q2'],
  ['2024Q1', 'qoq', '2023Q4'],
  ['2024Q3', 'yoy', '2023Q3'],
  ['2024-09-30', 'qoq', '2024-06-30'],
  ['2025-03-31', 'qoq', '2024-12-31'],
  ['2024-06-30', 'qoq', '2024-03-31'],
  ['2024-02-29', 'yoy', '2023-02-28'],
  ['2024-09-30', 'yoy', '2023-09-30'],
  ['2025H1', 'yoy', '2024H1'],
  ['2025H1', 'qoq', null],
  ['2025', 'yoy', '2024'],
  ['2025', 'qoq', null],
];

describe('earlierPeriod', () => {
  it.each(periods)('%s %s → %s', (period, kind, earlier) => {
    expect(earlierPeriod(period, kind)).toBe(earlier);
  });
});
