import { companyOf } from '../../registries/companies.ts';
import { fiscalQuarterRange, yearEndMonthOf } from '../fiscal-calendar.ts';
import {
  datePattern,
  fiscalYearEndPattern,
  exchangePrefix,
  fileNamePattern,
  quarterEndPattern,
  quarterInOpening,
  tickerInText,
  titlePatterns,
  welcomePatterns,
} from '../../registries/call-metadata.ts';

export interface CallMetadata {
  company: string | null;
  ticker: string | null;
  callPeriod: string | null;
  fiscalYear: number | null;
  fiscalQuarter: number | null;
  callDate: string | null;
  /** month (1-12) the company's fiscal year ends in */
  fiscalYearEndMonth: number | null;
  /** first and last day of the call's fiscal quarter */
  quarterStart: string | null;
  quarterEnd: string | null;
  /** where the fiscal calendar came from: `stated` in the call, the company `registry`, `assumed` from the call day, or the `calendar` year */
  calendarSource: string | null;
  /** where ticker and period came from, e.g. `title`, `welcome+filename` */
  source: string;
}

interface Found {
  company?: string;
  ticker?: string;
  year?: number;
  quarter?: number;
  date?: string;
}

const quarterNumbers: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Ticker, period and company, from the most trusted place that has them: the title line, then
 * the operator's welcome (and a ticker said in the text), then the file name.
 */
export function readCallMetadata(input: { titleLine: string | null; openingText: string; fileName: string; headerText: string; fullText?: string }): CallMetadata {
  const fromTitle = input.titleLine ? matchTitle(input.titleLine) : {};
  const fromWelcome = matchWelcome(input.openingText);
  const fromFile = matchFileName(input.fileName);
  const fromOpening = matchOpeningQuarter(input.openingText);
  const sources: string[] = [];
  const pick = <K extends keyof Found>(key: K): Found[K] | undefined => {
    for (const [name, found] of [['title', fromTitle], ['welcome', fromWelcome], ['filename', fromFile], ['opening', fromOpening]] as const) {
      if (found[key] !== undefined) {
        if ((key === 'ticker' || key === 'quarter') && !sources.includes(name)) sources.push(name);
        return found[key];
      }
    }
    return undefined;
  };
  const ticker = pick('ticker');
  const quarter = pick('quarter');
  // year and quarter must come from the same place, or the period mixes two calls
  const year = [fromTitle, fromWelcome, fromFile, fromOpening].find((f) => f.quarter !== undefined && f.year !== undefined)?.year;
  const date = fromTitle.date ?? matchDate(input.headerText);
  const company = pick('company') ?? null;
  const calendar = year && quarter ? fiscalCalendarOf(input.fullText ?? input.headerText, ticker ?? null, company, year, quarter, date ?? null) : null;
  return {
    company,
    ticker: ticker ?? null,
    callPeriod: year && quarter ? `${year}Q${quarter}` : null,
    fiscalYear: year ?? null,
    fiscalQuarter: year && quarter ? quarter : null,
    callDate: date ?? null,
    fiscalYearEndMonth: calendar?.fiscalYearEndMonth ?? null,
    quarterStart: calendar?.start ?? null,
    quarterEnd: calendar?.end ?? null,
    calendarSource: calendar?.source ?? null,
    source: sources.join('+') || 'none',
  };
}

function matchTitle(line: string): Found {
  for (const pattern of titlePatterns) {
    const g = pattern.exec(line)?.groups;
    if (!g) continue;
    return {
      company: g.company?.trim().replace(/,$/, ''),
      ticker: g.ticker ? cleanTicker(g.ticker) : undefined,
      year: g.year ? fullYear(g.year) : undefined,
      quarter: g.quarter ? quarterOf(g.quarter) : undefined,
      date: g.date ? matchDate(g.date) : undefined,
    };
  }
  const ticker = /\((?<ticker>[^)]{1,20})\)/.exec(line)?.groups?.ticker;
  return ticker && /^[A-Z:. ]+$/i.test(ticker) ? { ticker: cleanTicker(ticker) } : {};
}

function matchWelcome(text: string): Found {
  const found: Found = {};
  for (const pattern of welcomePatterns) {
    const g = pattern.exec(text)?.groups;
    if (!g) continue;
    found.company = g.company.trim().replace(/^(?:the)\s+/i, '').replace(/\s*\([^)]*\)$/, '');
    found.year = fullYear(g.year);
    found.quarter = quarterOf(g.quarter);
    break;
  }
  const ticker = tickerInText.exec(text)?.groups?.ticker;
  if (ticker) found.ticker = ticker;
  return found;
}

/** The quarter the opening remarks name most often. */
function matchOpeningQuarter(text: string): Found {
  const counts = new Map<string, number>();
  for (const pattern of quarterInOpening) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const key = `${m.groups!.year}Q${quarterOf(m.groups!.quarter)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0];
  return best ? { year: Number(best[0].slice(0, 4)), quarter: Number(best[0].slice(5)) } : {};
}

function matchFileName(fileName: string): Found {
  const base = fileName.split('/').pop() ?? fileName;
  const g = fileNamePattern.exec(base)?.groups;
  return g ? { ticker: g.ticker.toUpperCase(), year: Number(g.year), quarter: Number(g.quarter) } : {};
}

/** The call's day: the first date of the header that is not the end of the period reported ("for the period ending December 31, 2024"). */
function matchDate(text: string): string | undefined {
  const dates = new RegExp(datePattern.source, 'g');
  for (let m = dates.exec(text); m; m = dates.exec(text)) {
    if (/\b(?:end(?:ed|ing)|as of|through)\s*$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const g = m.groups!;
    if (g.iso) return g.iso;
    const month = months.indexOf(g.month.slice(0, 3).toLowerCase()) + 1;
    return `${g.year}-${String(month).padStart(2, '0')}-${g.day.padStart(2, '0')}`;
  }
  return undefined;
}

function cleanTicker(raw: string): string {
  return raw.trim().replace(exchangePrefix, '').trim();
}

function fullYear(raw: string): number {
  const digits = raw.replace(/['’]/g, '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function quarterOf(raw: string): number {
  const word = raw.toLowerCase();
  if (word in quarterNumbers) return quarterNumbers[word];
  return Number(word.replace(/q/g, ''));
}

/**
 * The call's fiscal calendar, from the most trusted place that has it: what the call says ("the
 * quarter ended November 30, 2025", "our fiscal year ends in June"), then the registry of
 * companies, then the call day (a call is held after its quarter ends: fiscal Q4 2025 reported in
 * November 2025 cannot end in December), then the calendar year.
 */
function fiscalCalendarOf(text: string, ticker: string | null, company: string | null, year: number, quarter: number, callDate: string | null): { fiscalYearEndMonth: number; start: string; end: string; source: string } {
  const stated = statedYearEndMonth(text, year, quarter, callDate);
  const registered = companyOf(ticker, company)?.fiscalYearEndMonth;
  let month = stated ?? registered ?? 12;
  let source = stated ? 'stated' : registered ? 'registry' : 'calendar';
  if (!stated && !registered && callDate) {
    for (let back = 0; back < 4 && fiscalQuarterRange(year, quarter, month).end >= callDate; back++) {
      month = ((month + 8) % 12) + 1; // three months earlier
      source = 'assumed';
    }
  }
  const { start, end } = fiscalQuarterRange(year, quarter, month);
  return { fiscalYearEndMonth: month, start, end, source };
}

/**
 * The fiscal year-end month a call states: by the latest quarter it says "ended" on a month's last
 * days, up to the call day (its own quarter; earlier ones are comparisons), or by its fiscal year's end.
 */
function statedYearEndMonth(text: string, year: number, quarter: number, callDate: string | null): number | null {
  const ended = new RegExp(quarterEndPattern.source, 'gi');
  let latest: string | null = null;
  for (let m = ended.exec(text); m; m = ended.exec(text)) {
    const g = m.groups!;
    // "ending" may be guidance for a quarter to come, unless the call's day shows it is past
    if ((!callDate && !/ended$/i.test(g.verb)) || Number(g.day) < 28 || Math.abs(Number(g.year) - year) > 1) continue;
    const day = `${g.year}-${String(months.indexOf(g.month.slice(0, 3).toLowerCase()) + 1).padStart(2, '0')}-${g.day.padStart(2, '0')}`;
    if (callDate && day >= callDate) continue;
    if (!latest || day > latest) latest = day;
  }
  if (latest) return yearEndMonthOf(quarter, latest);
  const yearEnd = fiscalYearEndPattern.exec(text)?.groups;
  return yearEnd ? months.indexOf(yearEnd.month.slice(0, 3).toLowerCase()) + 1 : null;
}
