import {
  datePattern,
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
  /** last day of the fiscal quarter, where the transcript says it ("the quarter ended June 30, 2025") */
  quarterEnd: string | null;
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
  return {
    company: pick('company') ?? null,
    ticker: ticker ?? null,
    callPeriod: year && quarter ? `${year}Q${quarter}` : null,
    fiscalYear: year ?? null,
    fiscalQuarter: year && quarter ? quarter : null,
    callDate: date ?? null,
    quarterEnd: quarterEndIn(input.fullText ?? input.headerText, year ?? null, quarter ?? null),
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

function matchDate(text: string): string | undefined {
  const g = datePattern.exec(text)?.groups;
  if (!g) return undefined;
  if (g.iso) return g.iso;
  const month = months.indexOf(g.month.slice(0, 3).toLowerCase()) + 1;
  return `${g.year}-${String(month).padStart(2, '0')}-${g.day.padStart(2, '0')}`;
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

/** The quarter end a call states, kept only when it can be the end of the call's own fiscal quarter. */
function quarterEndIn(text: string, year: number | null, quarter: number | null): string | null {
  if (!year || !quarter) return null;
  const g = quarterEndPattern.exec(text)?.groups;
  if (!g) return null;
  const month = months.indexOf(g.month.slice(0, 3).toLowerCase()) + 1;
  const endYear = Number(g.year);
  // a fiscal year ends at most a year away from the calendar year it is named for
  if (month % 3 !== 0 || Math.abs(endYear - year) > 1) return null;
  return `${endYear}-${String(month).padStart(2, '0')}-${g.day.padStart(2, '0')}`;
}
