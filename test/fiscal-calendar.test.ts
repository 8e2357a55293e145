import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fiscalQuarterLabel, fiscalQuarterOf, fiscalQuarterRange, fiscalYearRange, periodRange, samePeriod, yearEndMonthOf } from '../pipeline/fiscal-calendar.ts';

describe('fiscal calendar', () => {
  it.each([
    // year-end month, fiscal year, quarter, first day, last day
    [12, 2025, 4, '2025-10-01', '2025-12-31'],
    [9, 2025, 4, '2025-07-01', '2025-09-30'],
    [9, 2026, 1, '2025-10-01', '2025-12-31'],
    [6, 2026, 2, '2025-10-01', '2025-12-31'],
    [5, 2026, 2, '2025-09-01', '2025-11-30'],
    [3, 2026, 1, '2025-04-01', '2025-06-30'],
    [2, 2025, 4, '2024-12-01', '2025-02-28'],
  ])('year ending in month %i: fiscal %i Q%i runs %s to %s', (fy, year, quarter, start, end) => {
    expect(fiscalQuarterRange(year, quarter, fy)).toEqual({ start, end });
    expect(fiscalQuarterLabel(start, fy)).toBe(`${year}Q${quarter}`);
    expect(fiscalQuarterLabel(end, fy)).toBe(`${year}Q${quarter}`);
    expect(yearEndMonthOf(quarter, end)).toBe(fy);
  });

  it('a fiscal year of a May year end runs June to May', () => {
    expect(fiscalYearRange(2026, 5)).toEqual({ start: '2025-06-01', end: '2026-05-31' });
    expect(periodRange('2026H1', 5)).toEqual({ start: '2025-06-01', end: '2025-11-30' });
  });

  const fiscalYearEnd = fc.integer({ min: 1, max: 12 });
  const quarterLabel = fc.record({ year: fc.integer({ min: 1990, max: 2090 }), quarter: fc.integer({ min: 1, max: 4 }) });

  it('label → dates → label round-trips for every fiscal year-end month', () => {
    fc.assert(
      fc.property(fiscalYearEnd, quarterLabel, (fy, { year, quarter }) => {
        const { start, end } = fiscalQuarterRange(year, quarter, fy);
        expect(fiscalQuarterOf(start, fy)).toEqual({ year, quarter });
        expect(fiscalQuarterOf(end, fy)).toEqual({ year, quarter });
        expect(periodRange(`${year}Q${quarter}`, fy)).toEqual({ start, end });
        expect(yearEndMonthOf(quarter, end)).toBe(fy);
      }),
    );
  });

  it("a year's quarters cover each of its days once, and the next quarter starts the day after", () => {
    fc.assert(
      fc.property(fiscalYearEnd, fc.integer({ min: 1990, max: 2090 }), (fy, year) => {
        const year_ = fiscalYearRange(year, fy);
        let day = year_.start;
        for (let q = 1; q <= 4; q++) {
          const { start, end } = fiscalQuarterRange(year, q, fy);
          expect(start).toBe(day);
          day = addDays(end, 1);
        }
        expect(addDays(day, -1)).toBe(year_.end);
        expect(fiscalQuarterRange(year + 1, 1, fy).start).toBe(day);
      }),
    );
  });

  it('any day falls in the quarter whose range holds it', () => {
    fc.assert(
      fc.property(fiscalYearEnd, fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), (fy, date) => {
        const day = date.toISOString().slice(0, 10);
        const { year, quarter } = fiscalQuarterOf(day, fy);
        const { start, end } = fiscalQuarterRange(year, quarter, fy);
        expect(start <= day && day <= end).toBe(true);
      }),
    );
  });

  it('judges periods written either way as the contract does', () => {
    const calendar = { fiscalYearEndMonth: 9, callPeriod: '2025Q4', callDate: '2025-11-25' };
    expect(samePeriod('2025Q4', '2025-09-30', calendar)).toBe(true);
    expect(samePeriod('2025-11-20', '2025Q4', calendar)).toBe(true); // a level said "today"
    expect(samePeriod('2025-12-31', '2025Q4', calendar)).toBe(false);
    expect(samePeriod('2025', '2025-09-30', calendar)).toBe(true);
    expect(samePeriod('2025', '2025-12-31', calendar)).toBe(true);
    expect(samePeriod('2025Q3', '2025-09-30', calendar)).toBe(false);
  });
});
