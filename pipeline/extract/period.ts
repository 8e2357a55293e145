/**
 * What period a number refers to, read off the words around it and resolved against the call's
 * own fiscal quarter: "as of September 30" is a date, "fourth quarter" guidance a quarter,
 * "by mid-2025" a half, "next year" a year.
 */

import { addDays, fiscalQuarterRange, fiscalYearRange, lastDayOfMonth, shiftQuarter, weekdayOf } from '../fiscal-calendar.ts';

export interface CallCalendar {
  year: number;
  quarter: number;
  /** last day of the call's fiscal quarter, yyyy-mm-dd */
  quarterEnd: string;
  /** month (1-12) the company's fiscal year ends in */
  fiscalYearEndMonth: number;
  callDate: string | null;
}

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthPattern = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?';
const ordinal: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, one: 1, two: 2, three: 3, four: 4, '1': 1, '2': 2, '3': 3, '4': 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

/** The last fiscal year end on or before the call's quarter end ("at year-end" said in a Q1 call). */
function lastYearEnd(c: CallCalendar): string {
  return quarterEndOf(c, c.quarter === 4 ? c.year : c.year - 1, 4);
}

/**
 * A named month is its last day, as the contract says ("in January we produced ...", "delivery in
 * May 2026"). Said without a year, it is the one just after the quarter (before the call) or,
 * looking ahead, the next one to come; otherwise the latest one up to the quarter's end.
 */
function monthPeriod(c: CallCalendar, month: number, year: number | null, forward: boolean): string {
  const [qy, qm] = c.quarterEnd.split('-').map(Number);
  // "In early November, we signed ...", said in a late-November call of the September quarter: an event before the call is the call's quarter
  if (!forward && year === null) {
    const after = (month - qm + 12) % 12;
    const callMonthsAfter = c.callDate ? (Number(c.callDate.slice(5, 7)) - qm + 12) % 12 : 3;
    if (after >= 1 && after <= callMonthsAfter) return `${c.year}Q${c.quarter}`;
  }
  let y = year;
  if (y === null) {
    const monthsAfter = (month - qm + 12) % 12;
    y = forward || (monthsAfter >= 1 && monthsAfter <= 3) ? (month > qm ? qy : qy + 1) : month <= qm ? qy : qy - 1;
  }
  return lastDayOfMonth(y, month);
}

/** The last day of a calendar quarter. */
function calendarQuarterEnd(year: number, quarter: number): string {
  return fiscalQuarterRange(year, quarter, 12).end;
}

/** The end date of a fiscal quarter of the call's company. */
export function quarterEndOf(calendar: CallCalendar, year: number, quarter: number): string {
  return fiscalQuarterRange(year, quarter, calendar.fiscalYearEndMonth).end;
}

/** The year a call is held in, for "this year", "last year", "next year": a fourth-quarter call held after its year ended speaks from the next one. */
function spokenYear(c: CallCalendar): number {
  return c.callDate && c.callDate.slice(0, 4) > c.quarterEnd.slice(0, 4) && c.quarter === 4 ? c.year + 1 : c.year;
}

function yearOf(raw: string | undefined, calendar: CallCalendar, relativeToCall = false): number | null {
  if (!raw) return null;
  if (relativeToCall && /^(?:next|last|this|prior|previous) year$/i.test(raw.trim())) calendar = { ...calendar, year: spokenYear(calendar) };
  const r = raw.toLowerCase().replace(/['’]/g, '');
  if (/^\d{4}$/.test(r)) return Number(r);
  if (/^\d{2}$/.test(r)) return 2000 + Number(r);
  if (r === 'next year') return calendar.year + 1;
  if (r === 'last year' || r === 'prior year' || r === 'previous year') return calendar.year - 1;
  if (r === 'this year' || r === 'the year') return calendar.year;
  return null;
}

/**
 * The calendar year of a month said with "last year", "this year" or "next year" ("at the end of
 * June last year"): months are calendar months, so the year is counted from the call's day, or,
 * when it is unknown, from six weeks after the quarter's end, when calls are held.
 */
function calendarYearOf(word: string | undefined, c: CallCalendar): number | null {
  if (!word) return null;
  const spoken = Number((c.callDate ?? addDays(c.quarterEnd, 45)).slice(0, 4));
  const w = word.toLowerCase();
  return w === 'next' ? spoken + 1 : w === 'this' ? spoken : spoken - 1;
}

/** "June 30 last year", "June of last year", "June, 2024": the year said after a month or a day. */
const monthYearWords = '(?:,? (\\d{4})|,? (?:of )?(last|this|next|prior|previous) year)?';

interface PeriodRule {
  pattern: RegExp;
  /** a month said by name: its last day dates a flow of that month too */
  month?: true;
  resolve(m: RegExpExecArray, calendar: CallCalendar, forward: boolean): string | null;
}

const yearWords = "(\\d{4}|next year|last year|this year|prior year|previous year|['’]\\d{2})";

/** A sentence about a whole year: "For the full year", "for fiscal 2025", "during 2025". */
export const yearScope = /\b(?:full[- ]year|(?:for|in|during|over|throughout) the (?:full |entire |whole )?(?:fiscal |calendar )?year|fiscal (?:year )?\d{4}|(?:for|during|in|throughout) (?:fiscal )?\d{4}|\d{4} fiscal year|12-month (?:fiscal )?period)\b/i;

/** The words of a sentence before `at`, from the start of their clause (after the last ";" or sentence stop). */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  return before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('. ')) + 1);
}
const lastYearOpens = /^\W*(?:and |but |so |now )?(?:last year|in the prior year|a year ago)\b(?![^;]*\b(?:this year|\d{4})\b)/i;

/** Period phrases, tried nearest first; each names what it resolves to. */
const periodRules: readonly PeriodRule[] = [
  // a calendar quarter said by a company whose fiscal year is another: "towards the end of Q1 '26, calendar Q1"
  {
    pattern: new RegExp(`\\b(?:calendar (?:Q([1-4])|(first|second|third|fourth) quarter)(?: of)?(?: ${yearWords})?|(?:(?:the )?end of )?Q([1-4]) ${yearWords},? calendar Q[1-4])\\b`, 'gi'),
    resolve: (m, c) => {
      const q = Number(m[1] ?? m[4]) || ordinal[(m[2] ?? '').toLowerCase()];
      const named = yearOf(m[3] ?? m[5], c);
      const callYear = Number(c.quarterEnd.slice(0, 4));
      const year = named ?? (q * 3 > Number(c.quarterEnd.slice(5, 7)) ? callYear : callYear + 1);
      return calendarQuarterEnd(year, q);
    },
  },
  // a date: "as of September 30", "on September 30, 2024"
  {
    pattern: new RegExp(`\\b(?:as of|as at|at|on|by|through|ended|ending) ${monthPattern} (\\d{1,2})(?:st|nd|rd|th)?${monthYearWords}`, 'gi'),
    resolve: (m, c, forward) => {
      const month = monthNames.findIndex((n) => n.startsWith(m[1].toLowerCase().slice(0, 3))) + 1;
      const day = (y: number) => `${y}-${String(month).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
      if (m[3]) return day(Number(m[3]));
      if (m[4]) return day(calendarYearOf(m[4], c)!);
      // said without a year: the latest such day up to the call (a quarter past the quarter's end when the call day is unknown), or for a plan the next one after it
      const latest = c.callDate ?? addDays(c.quarterEnd, 92);
      const year = Number(latest.slice(0, 4));
      if (forward) return day(day(year) > latest ? year : year + 1);
      return day(day(year) <= latest ? year : year - 1);
    },
  },
  // "compared with $37.8 million in the same period of 2024": the call's quarter of the year named (the year, for a sentence about a year)
  {
    pattern: /\b(?:the )?same (?:quarter|period|three months) (?:of |in )(?:fiscal )?(\d{4})\b/gi,
    resolve: (m, c) => (!/quarter|three months/i.test(m[0]) && yearScope.test(m.input) ? m[1] : `${m[1]}Q${c.quarter}`),
  },
  // the same quarter a year earlier: "in the same quarter last year", "a year earlier", "prior-year quarter"
  {
    pattern: /\b(?:(?:the )?same (?:quarter|period) (?:of |in )?(?:last|prior|previous|a) year|(?:a|one) year (?:earlier|ago|before)|(?:the )?prior[- ]year(?: (?:period|quarter))?|(?:the )?prior corresponding (?:period|quarter)|pcp)\b/gi,
    // "for the full year ... compared to $541 million in the prior-year period": the year before
    resolve: (m, c) => (!/quarter/i.test(m[0]) && yearScope.test(m.input) ? String(c.year - 1) : shiftQuarter(c.year, c.quarter, -4).join('Q')),
  },
  // "we ended the quarter with", "exited the quarter at"
  { pattern: /\b(?:ended|closed|exited|finished) the (?:quarter|period)\b/gi, resolve: (_m, c) => c.quarterEnd },
  { pattern: /\b(?:ended|closed|exited|finished) the (?:fiscal )?year\b/gi, resolve: (_m, c) => lastYearEnd(c) },
  // "we anticipate ending the year at 36 exahash": of a plan, the end of the fiscal year the call is in (the next one after a fourth quarter)
  { pattern: /\b(?:end|ending|exit|exiting|finish|finishing|close|closing) (?:the|this) (?:fiscal )?year\b/gi, resolve: (_m, c, forward) => (forward ? quarterEndOf(c, c.quarter === 4 ? c.year + 1 : c.year, 4) : lastYearEnd(c)) },
  // "we expect to exit 2025 at 42 exahash": the year's last day
  { pattern: /\bexit(?:s|ing)? (?:calendar )?(\d{4})\b/gi, resolve: (m) => `${m[1]}-12-31` },
  // "we sold 9.8 million terahash per second in the quarter, which took full-year sales to 31.5 exahash": the call's quarter, said
  { pattern: /\b(?:in|for|during|over|through) (?:the|this) (?:quarter|three months)\b(?! (?:ended|ending|of|to)\b)/gi, resolve: (_m, c, forward) => (forward ? null : `${c.year}Q${c.quarter}`) },
  // the day of the call: "as we speak", "today"
  // without the call's day, a level said "today" is the call's quarter, as the contract allows
  { pattern: /\b(?:as we speak|as of (?:today|this morning|now)|today|right now)\b/gi, resolve: (_m, c) => c.callDate ?? `${c.year}Q${c.quarter}` },
  // "as of yesterday": the day before the call
  { pattern: /\b(?:as of |as at )?yesterday\b/gi, resolve: (_m, c) => (c.callDate ? addDays(c.callDate, -1) : `${c.year}Q${c.quarter}`) },
  // "as of last Friday": the weekday before the call
  {
    pattern: /\b(?:(?:as of |on )?last (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:as of|on) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?! (?:january|february|march|april|may|june|july|august|september|october|november|december)\b))\b/gi,
    resolve: (m, c, forward) => {
      if (!c.callDate) return null;
      // "on Monday", said of what was, is the last Monday before the call, as "last Monday" is; of a plan, the next one
      const weekday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].indexOf((m[1] ?? m[2]).toLowerCase());
      if (m[2] && forward) return addDays(c.callDate, ((weekday - weekdayOf(c.callDate) + 6) % 7) + 1);
      const back = ((weekdayOf(c.callDate) - weekday + 6) % 7) + 1;
      return addDays(c.callDate, -back);
    },
  },
  // the end of a month: "at the end of September"
  {
    // "hash rate finished June at 41.6 exahash": the month's end too
    pattern: new RegExp(`\\b(?:end of|(?:finished|ended|exited|closed)) (january|february|march|april|may|june|july|august|september|october|november|december)${monthYearWords}\\b`, 'gi'),
    resolve: (m, c) => {
      const month = monthNames.indexOf(m[1].toLowerCase()) + 1;
      const [qy, qm] = c.quarterEnd.split('-').map(Number);
      const year = m[2] ? Number(m[2]) : m[3] ? calendarYearOf(m[3], c)! : month <= qm + 3 ? qy : qy - 1;
      return lastDayOfMonth(year, month);
    },
  },
  // a month: "in January", "in October", "for June 2026"
  {
    pattern: new RegExp(`\\b(?:in|during|for|since|through|until|by) (january|february|march|april|may|june|july|august|september|october|november|december)${monthYearWords}\\b(?! \\d)`, 'gi'),
    resolve: (m, c, forward) => monthPeriod(c, monthNames.indexOf(m[1].toLowerCase()) + 1, m[2] ? Number(m[2]) : calendarYearOf(m[3], c), forward),
    month: true,
  },
  // the end of a quarter: "at the end of the quarter", "quarter-end", "end of quarter three", "end of last quarter"
  {
    pattern: /\b(?:end of (?:the )?(?:(first|second|third|fourth) quarter|quarter (one|two|three|four)|q([1-4])|(last|previous|prior|this|the) quarter|quarter)(?: of (?:fiscal )?(\d{4}|next year|this year))?(?: ['’](\d{2}))?|quarter[- ]end|end of the period|period[- ]end)\b/gi,
    resolve: (m, c, forward) => {
      const q = ordinal[(m[1] ?? m[2] ?? m[3] ?? '').toLowerCase()];
      if (q) {
        const year = yearOf(m[5] ?? m[6], c) ?? (forward && q < c.quarter ? c.year + 1 : c.year);
        return quarterEndOf(c, year, q);
      }
      if (m[4] && /last|previous|prior/i.test(m[4])) {
        const [y, pq] = shiftQuarter(c.year, c.quarter, -1);
        return quarterEndOf(c, y, pq);
      }
      return c.quarterEnd;
    },
  },
  // year end: "at year-end", "end of 2025", "end of calendar 2025", "end of fiscal 2026", "end of next year"
  {
    pattern: /\b(?:(?:the )?(?:(fiscal|calendar) )?year[- ]end(?: (\d{4}))?|end of (?:the )?(?:(fiscal|calendar) )?(?:year|(\d{4})|(next|this) year))\b/gi,
    resolve: (m, c, forward) => {
      const named = m[2] ?? m[4];
      // "the end of 2026" is a calendar date; "the end of fiscal 2026" the fiscal year's last day
      const calendarYear = (m[1] ?? m[3])?.toLowerCase() === 'calendar' || (m[4] !== undefined && !m[3]);
      if (!named && !m[5] && !forward) return lastYearEnd(c);
      const year = named ? Number(named) : m[5]?.toLowerCase() === 'next' ? c.year + 1 : c.year;
      return calendarYear ? `${year}-12-31` : quarterEndOf(c, year, 4);
    },
  },
  // a half: "first half of 2025", "second half of next year", "H1 2025", "mid-2025"
  {
    pattern: new RegExp(`\\b(?:(first|second) half(?: of)?(?: fiscal)? ${yearWords}|(first|second) half|H([12]) ${yearWords}|mid-?(?:year )?${yearWords}|middle of ${yearWords})`, 'gi'),
    resolve: (m, c) => {
      if (m[1]) return `${yearOf(m[2], c, true)}H${m[1].toLowerCase() === 'first' ? 1 : 2}`;
      if (m[3]) return `${c.year}H${m[3].toLowerCase() === 'first' ? 1 : 2}`;
      if (m[4]) return `${yearOf(m[5], c)}H${m[4]}`;
      // "by mid-2025", "by the middle of next year": the first half, as the contract reads it
      const y = yearOf(m[6] ?? m[7], c, true);
      return y ? `${y}H1` : null;
    },
  },
  // a quarter: "fourth quarter", "third quarter of 2024", "Q4", "4Q", "quarter three", "Q3 2024"
  {
    pattern: new RegExp(`\\b(?:(first|second|third|fourth)[- ]quarter(?: of)?(?: fiscal)?(?: ${yearWords})?|quarter (one|two|three|four)|Q([1-4])(?: of)?(?: ${yearWords})?|([1-4])Q(?: ?${yearWords})?)\\b`, 'gi'),
    resolve: (m, c, forward) => {
      const q = ordinal[(m[1] ?? m[3] ?? m[4] ?? m[6] ?? '').toLowerCase()];
      let y = yearOf(m[2] ?? m[5] ?? m[7], c);
      // "Last year power sales were $2.9 million in the third quarter": a quarter said without its year, in a clause that opened with last year
      if (y === null && lastYearOpens.test(clauseBefore(m.input, m.index))) y = c.year - 1;
      if (y === null) y = forward && q < c.quarter ? c.year + 1 : c.year;
      return `${y}Q${q}`;
    },
  },
  // "the September quarter": the fiscal quarter that ends in that month, the latest one up to the call's
  {
    pattern: /\b(?:the )?(january|february|march|april|may|june|july|august|september|october|november|december)(?:-| )quarter\b/gi,
    resolve: (m, c) => {
      const month = monthNames.indexOf(m[1].toLowerCase()) + 1;
      for (let back = 0; back < 4; back++) {
        const [y, q] = shiftQuarter(c.year, c.quarter, -back);
        if (Number(quarterEndOf(c, y, q).slice(5, 7)) === month) return `${y}Q${q}`;
      }
      return null;
    },
  },
  // relative quarters
  { pattern: /\b(?:next|coming|following|current) quarter\b/gi, resolve: (m, c) => (/current/i.test(m[0]) ? `${c.year}Q${c.quarter}` : shiftQuarter(c.year, c.quarter, 1).join('Q')) },
  // "a net loss of $1.7 billion last quarter compared to net income of ... a year earlier": the quarter reported, set against an older one
  { pattern: /\blast quarter(?=,?\s+(?:compared|versus|vs\b))/gi, resolve: (_m, c) => `${c.year}Q${c.quarter}` },
  { pattern: /\b(?:last|previous|prior|preceding) quarter\b/gi, resolve: (_m, c) => shiftQuarter(c.year, c.quarter, -1).join('Q') },
  { pattern: /\bthis quarter\b/gi, resolve: (_m, c) => `${c.year}Q${c.quarter}` },
  // the call's own year said without its number: "for the fiscal year", "over the entire 12-month fiscal period", "2025 fiscal year"
  {
    pattern: /\b(?:(?:for|in|during|over|throughout|across) the (?:full |entire |whole )?(?:fiscal |calendar )?year(?!,? (?:of )?(?:\d{4}|fiscal))|(?:the )?(?:entire |full )?12-month (?:fiscal )?period|(\d{4}) (?:fiscal|full|calendar)[- ]year)\b/gi,
    resolve: (m, c) => (m[1] ? m[1] : String(c.year)),
  },
  // a year: "full year 2024", "fiscal 2025", "for 2025", "next year", "by 2026"
  {
    pattern: new RegExp(`\\b(?:(?:full|fiscal|calendar)[- ]year(?: of)? ${yearWords}|fiscal ${yearWords}|(?:for|in|by|during|throughout) ${yearWords}|(next year|this year)|(full[- ]year|for the year)|(last year))\\b`, 'gi'),
    resolve: (m, c) => {
      const y = yearOf(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[6], c, true);
      if (y) return String(y);
      return m[5] ? String(c.year) : null;
    },
  },
];

export interface PeriodContext {
  /** the sentence around the number, and where the number stands in it */
  text: string;
  at: number;
  end: number;
  /** end of the previous quantity and start of the next: a period phrase past them belongs to them */
  leftLimit: number;
  rightLimit: number;
  /** start of the sentence's first quantity: a phrase before it ("In the fourth quarter, ...") applies to all */
  firstAt: number;
  /** the number is a delivery or shipment: a period said of a delivery is its own */
  delivery?: boolean;
  /** end of the previous quantity of the sentence: a phrase right after it, a comma before this number, is its */
  previousEnd?: number;
}

type PeriodKind = 'flow' | 'stock' | 'spec' | 'price';

/**
 * The period a number refers to, from the nearest period phrase in its clause; flows default to
 * the call's quarter, stocks to the quarter's end date.
 */
export function resolvePeriod(context: PeriodContext, kind: PeriodKind, calendar: CallCalendar, forward: boolean): string {
  // a product's rating is the call's: "launched in February" dates the launch, not the spec
  if (kind === 'spec') return `${calendar.year}Q${calendar.quarter}`;
  return statedPeriod(context, kind, calendar, forward) ?? defaultPeriod(kind, calendar, forward);
}

/** The period of a number whose words name none: the call's quarter, or its last day for a level. */
export function defaultPeriod(kind: PeriodKind, calendar: CallCalendar, forward: boolean): string {
  return kind === 'stock' && !forward ? calendar.quarterEnd : `${calendar.year}Q${calendar.quarter}`;
}

/** The period the words around a number name, or null when they name none. */
// a sentence's period phrases, found once for all its numbers (each asks about the same text)
const recentMatches = new Map<string, RegExpExecArray[][]>();
function periodMatches(text: string): RegExpExecArray[][] {
  let found = recentMatches.get(text);
  if (found) return found;
  found = periodRules.map(({ pattern }) => {
    const list: RegExpExecArray[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) list.push(m);
    return list;
  });
  if (recentMatches.size >= 16) recentMatches.clear();
  recentMatches.set(text, found);
  return found;
}

export function statedPeriod(context: PeriodContext, kind: PeriodKind, calendar: CallCalendar, forward: boolean): string | null {
  let best: { distance: number; period: string; month?: true } | null = null;
  let leading: { distance: number; period: string; month?: true } | null = null;
  let future: { distance: number; period: string } | null = null;
  const matches = periodMatches(context.text);
  for (const [r, rule] of periodRules.entries()) {
    for (const m of matches[r]) {
      const start = m.index;
      const end = start + m[0].length;
      if (start < context.end && end > context.at) continue; // inside the number itself
      const distance = end <= context.at ? context.at - end : (start - context.end) * 1.2;
      // "stable compared to the second quarter": the phrase dates what the number is compared with
      const comparison =
        (start >= context.end && /\b(?:compared|versus|vs\.?|relative|than|from)\b/i.test(context.text.slice(context.end, start))) ||
        (end <= context.at && /\b(?:compared|versus|vs\.?|relative to|than)\b/i.test(context.text.slice(end, context.at)));
      // "compared with the third quarter, revenue rose 41%": the base of a comparison dates nothing said here
      const comparisonBase = /\b(?:compared (?:to|with)|versus|vs\.?|from|than(?: in| at)?|over|relative to)\s+(?:the\s+|our\s+)?(?:fiscal\s+)?$/i.test(context.text.slice(Math.max(0, start - 30), start));
      if (comparison || comparisonBase) continue;
      // "expenses were about $29 million, remaining steady during 2024": the trailing clause speaks of a longer stretch
      if (start >= context.end && /,\s*(?:remaining|staying|marking|representing|bringing|making|continuing)\b/i.test(context.text.slice(context.end, start))) continue;
      const lead = context.text.slice(Math.max(0, start - 40), start);
      // "notes due 2030 with a put right exercisable on June 4, 2027": a term of the instrument, not when the value stood
      if (/\b(?:due|matur\w*|puts?(?: right| option| date)?|exercisable|redeemable|callable|expir\w*)\b[^.;]*$/i.test(lead)) continue;
      // "an order for 3,800 miners, with delivery planned for the fourth quarter": the delivery's date, not the order's
      if (!context.delivery && /\b(?:deliver(?:y|ies|ed)|shipments?)\b[^.;,]{0,30}$/i.test(lead)) continue;
      // "from $41.8 billion at the end of 2024 to $58.9 billion": a phrase said right after the previous number is its own
      const ofPrevious = context.leftLimit > 0 && end <= context.at && /^\s*(?:[a-z]+\s+){0,2}$/i.test(context.text.slice(context.leftLimit, start)) && /^\s*,?\s*(?:to|and|versus|vs\.?|compared (?:to|with))\s+(?:(?:approximately|about|around|roughly|nearly|over)\s+)?$/i.test(context.text.slice(end, context.at));
      // "like their $50 million investment in September, supports our goal of 10 EH/s": the phrase said with the number before
      const besidePrevious =
        context.previousEnd !== undefined && start >= context.previousEnd && end <= context.at && start - context.previousEnd < context.at - end && /,/.test(context.text.slice(end, context.at));
      const own = start >= context.leftLimit && end <= context.rightLimit && !ofPrevious && !besidePrevious;
      const sentenceLeading = end <= context.firstAt;
      if (!own && !sentenceLeading) continue;
      const period = rule.resolve(m, calendar, forward);
      if (!period) continue;
      // "like their investment in September, supports our goal of 10 EH/s by the first half of 2025": a plan takes the future it names
      if (own && forward && isFuturePeriod(period, calendar) && (!future || distance < future.distance)) future = { distance, period };
      const slot = own ? best : leading;
      if (slot && distance >= slot.distance) continue;
      if (own) best = { distance, period, month: rule.month };
      else leading = { distance, period, month: rule.month };
    }
  }
  if (future && best && !isFuturePeriod(best.period, calendar)) best = future;
  best ??= leading;
  // a flow is over a period: a date said near it dates something else
  if (best && kind === 'flow' && !best.month && /^\d{4}-\d{2}-\d{2}$/.test(best.period)) best = null;
  if (best) {
    // a stock is at a date: a quarter named for it means that quarter's end
    const q = /^(\d{4})Q([1-4])$/.exec(best.period);
    if (kind === 'stock' && q && !forward) return quarterEndOf(calendar, Number(q[1]), Number(q[2]));
    // "from 21.5 to 30.2 exahash during 2025": a level of a year is at the year's end
    if (kind === 'stock' && !forward && /^\d{4}$/.test(best.period)) return fiscalYearRange(Number(best.period), calendar.fiscalYearEndMonth).end;
    return best.period;
  }
  return null;
}

/**
 * Whether a period lies after the call's own quarter (a later quarter, half, year, or a date past
 * the quarter end). `afterCall`: after the quarter in which the call is held, since "in October we
 * sold 60 bitcoin", said in November of the September quarter's call, is no plan.
 */
export function isFuturePeriod(period: string, calendar: CallCalendar, afterCall = false): boolean {
  const index = calendar.year * 4 + calendar.quarter - 1 + (afterCall ? 1 : 0);
  let m = /^(\d{4})Q([1-4])$/.exec(period);
  if (m) return Number(m[1]) * 4 + Number(m[2]) - 1 > index;
  m = /^(\d{4})H([12])$/.exec(period);
  if (m) return Number(m[1]) * 4 + (m[2] === '1' ? 1 : 3) > index;
  m = /^(\d{4})$/.exec(period);
  if (m) return Number(m[1]) > calendar.year;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return period > calendar.quarterEnd && (!calendar.callDate || period > calendar.callDate);
  return false;
}

/** Whether a period lies before the call's own quarter (an earlier quarter, half, year, or a date before its start). */
export function isEarlierPeriod(period: string, calendar: CallCalendar): boolean {
  const index = calendar.year * 4 + calendar.quarter - 1;
  let m = /^(\d{4})Q([1-4])$/.exec(period);
  if (m) return Number(m[1]) * 4 + Number(m[2]) - 1 < index;
  m = /^(\d{4})H([12])$/.exec(period);
  if (m) return Number(m[1]) * 4 + (m[2] === '1' ? 1 : 3) < index;
  m = /^(\d{4})$/.exec(period);
  if (m) return Number(m[1]) < calendar.year;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) {
    const [y, q] = shiftQuarter(calendar.year, calendar.quarter, -1);
    return period <= quarterEndOf(calendar, y, q);
  }
  return false;
}
