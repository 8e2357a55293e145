/**
 * All quarter and date arithmetic of the project, under a company's fiscal calendar. A fiscal
 * year is named after the calendar year it ends in (fiscal 2025 of a September year end runs
 * from 2024-10-01 to 2025-09-30), as calls and filings name them.
 *
 * Periods are written as the contract says: a quarter `2025Q4`, a half `2025H1`, a year `2025`,
 * a day `2025-09-30`.
 */

export interface DateRange {
  /** first day, yyyy-mm-dd */
  start: string;
  /** last day, yyyy-mm-dd */
  end: string;
}

export const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
export const quarterPattern = /^(\d{4})Q([1-4])$/;
export const halfPattern = /^(\d{4})H([12])$/;
export const yearPattern = /^(\d{4})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Last day of a month (1-12) of a year. */
export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function firstDayOfMonthIndex(index: number): string {
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
}

function lastDayOfMonthIndex(index: number): string {
  return lastDayOfMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Absolute month index (year * 12 + month - 1) of the last month of fiscal quarter `quarter` of fiscal year `year`. */
function quarterEndMonthIndex(year: number, quarter: number, fiscalYearEndMonth: number): number {
  return year * 12 + (fiscalYearEndMonth - 1) - 3 * (4 - quarter);
}

/** First and last day of a fiscal quarter. */
export function fiscalQuarterRange(year: number, quarter: number, fiscalYearEndMonth: number): DateRange {
  const end = quarterEndMonthIndex(year, quarter, fiscalYearEndMonth);
  return { start: firstDayOfMonthIndex(end - 2), end: lastDayOfMonthIndex(end) };
}

/** First and last day of a fiscal half (H1 = fiscal Q1-Q2). */
export function fiscalHalfRange(year: number, half: number, fiscalYearEndMonth: number): DateRange {
  return { start: fiscalQuarterRange(year, half * 2 - 1, fiscalYearEndMonth).start, end: fiscalQuarterRange(year, half * 2, fiscalYearEndMonth).end };
}

/** First and last day of a fiscal year. */
export function fiscalYearRange(year: number, fiscalYearEndMonth: number): DateRange {
  return { start: fiscalQuarterRange(year, 1, fiscalYearEndMonth).start, end: fiscalQuarterRange(year, 4, fiscalYearEndMonth).end };
}

/** The fiscal quarter a day falls in. */
export function fiscalQuarterOf(date: string, fiscalYearEndMonth: number): { year: number; quarter: number } {
  const m = isoDatePattern.exec(date);
  if (!m) throw new Error(`fiscalQuarterOf: expected a yyyy-mm-dd date, got "${date}"`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1;
  // months after the fiscal year's last month belong to the next fiscal year
  const monthsIntoYear = (((index - fiscalYearEndMonth) % 12) + 12) % 12; // 0 for the first month of a fiscal year
  const yearEndIndex = index + (11 - monthsIntoYear);
  return { year: Math.floor(yearEndIndex / 12), quarter: Math.floor(monthsIntoYear / 3) + 1 };
}

/** The label of the fiscal quarter a day falls in, `2025Q4`. */
export function fiscalQuarterLabel(date: string, fiscalYearEndMonth: number): string {
  const { year, quarter } = fiscalQuarterOf(date, fiscalYearEndMonth);
  return `${year}Q${quarter}`;
}

/** A quarter moved by whole quarters: (2025, 1) by -1 is (2024, 4). */
export function shiftQuarter(year: number, quarter: number, by: number): [number, number] {
  const index = year * 4 + (quarter - 1) + by;
  return [Math.floor(index / 4), (index % 4) + 1];
}

/** The days a period label covers under a fiscal calendar; a day covers itself. Null for anything else. */
export function periodRange(period: string, fiscalYearEndMonth: number): DateRange | null {
  let m = quarterPattern.exec(period);
  if (m) return fiscalQuarterRange(Number(m[1]), Number(m[2]), fiscalYearEndMonth);
  m = halfPattern.exec(period);
  if (m) return fiscalHalfRange(Number(m[1]), Number(m[2]), fiscalYearEndMonth);
  m = yearPattern.exec(period);
  if (m) return fiscalYearRange(Number(m[1]), fiscalYearEndMonth);
  if (isoDatePattern.test(period)) return { start: period, end: period };
  return null;
}

/** Days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day of the week of an ISO date, 0 for Sunday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** An ISO date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The fiscal year-end month implied by a fiscal quarter and the calendar day it ended on
 * ("the fourth quarter of fiscal 2025, which ended September 30" gives 9).
 */
export function yearEndMonthOf(quarter: number, quarterEnd: string): number {
  const month = Number(quarterEnd.slice(5, 7));
  return ((month - 1 + 3 * (4 - quarter)) % 12) + 1;
}

/**
 * Whether two period labels name the same period for an analyst's spreadsheet, by the
 * contract's rule: a quarter and its last day; the call's quarter and a day from its first day
 * to the call day (a level said "today"); a year and its last day (calendar or fiscal).
 */
export function samePeriod(a: string, b: string, calendar: { fiscalYearEndMonth: number; callPeriod: string; callDate: string } | null): boolean {
  const p = a.trim().toLowerCase();
  const g = b.trim().toLowerCase();
  if (p === g) return true;
  if (!calendar) return false;
  for (const [x, y] of [
    [p, g],
    [g, p],
  ]) {
    const quarter = /^(\d{4})q([1-4])$/.exec(x);
    if (quarter && isoDatePattern.test(y)) {
      const { start, end } = fiscalQuarterRange(Number(quarter[1]), Number(quarter[2]), calendar.fiscalYearEndMonth);
      if (y === end) return true;
      if (x.toUpperCase() === calendar.callPeriod && start <= y && y <= calendar.callDate) return true;
    }
    if (yearPattern.test(x) && isoDatePattern.test(y) && (y === `${x}-12-31` || y === fiscalYearRange(Number(x), calendar.fiscalYearEndMonth).end)) return true;
  }
  return false;
}
