import { changeKindJustBefore, changeKindNear, directionOf } from './cues.ts';
import type { ChangeKind, Placed } from './facts.ts';
import { lastDayOfMonth, shiftQuarter } from '../fiscal-calendar.ts';
import { quarterEndOf, type CallCalendar } from './period.ts';

export interface Change {
  kind: ChangeKind;
  /** +1 up, -1 down */
  direction: number;
}


/**
 * A change: a direction word right before the number ("an increase of 93.8%", "up 5%", "grew
 * 26%") or a comparison right after it ("98 more than last quarter"), with the nearest phrase
 * that says how it is measured. A percentage needs both; a change without a kind is left out.
 */
export function changeOf(text: string, item: Placed, percent: boolean, calendar: CallCalendar, span: ChangeKind | null = null): Change | 'unmeasured' | null {
  const before = text.slice(Math.max(0, item.at - 45), item.at);
  const after = text.slice(item.end, item.end + 40);
  const directionBefore = /(?<![\w-])(?:increase[sd]?|decrease[sd]?|increasing|decreasing|declining|rising|growing|grown|falling|fallen|dropping|up|down|grew|grow(?:th)?|rose|risen|declined?|fell|drop(?:ped)?|climb(?:ed)?|surged?|slipped|improved?|narrow(?:ed|ing)|widen(?:ed|ing)|higher|lower|jump(?:ed)?|gain(?:ed)?|reduc(?:ed|tion))(?: (?:by|of))?(?: (?:approximately|about|around|roughly|nearly|almost|over|more than|some|just over|just under))?\s*$/i.exec(before);
  const comparisonAfter = /^\s*(?:(?:more|fewer|less|higher|lower|additional|narrower|wider|smaller|larger|bigger)(?:\s+[a-z]+)?\s+than|(?:above|below)(?=\s+(?:the|our|that of|last|prior|previous|a year)\b)|(?:increase|decrease|growth|decline|improvement|rise|drop|jump|gain|reduction)\b)/i.exec(after);
  const adjectival = /^\s*(?:year[- ]over[- ]year|quarter[- ]over[- ]quarter|sequential)\s+(?:increase|decrease|growth|decline|improvement|rise|drop|jump|gain|reduction)/i.exec(after);
  // "up 8% sequentially and 56% since the halving": the direction said once covers both
  // "increased by approximately $25 million or 13% in Q4 versus Q3": the same change said twice
  const sharedDirection = directionBefore ? null : /(?<![\w-])(?:up|down|increased?|decreased?|grew|rose|fell|declined?)\b[^.;]{0,40}\b(?:and|or)\s*$/i.exec(before);
  if (!directionBefore && !comparisonAfter && !adjectival && !sharedDirection) return null;
  const said = directionBefore ? item.at - directionBefore[0].length : item.at;
  const named = comparedQuarterKind(text, item, calendar);
  const phrased = changeKindNear(text, item.at, item.end);
  const nearest = named && (!phrased || named.distance < phrased.distance) ? named.kind : phrased?.kind ?? null;
  let kind = changeKindJustBefore(text.slice(Math.max(0, said - 30), said)) ?? nearest;
  // "declined by over 7% sequentially, but the network hash rate grew by more than 10%": the kind said once covers both
  if (!kind && directionBefore) {
    const earlier = text.slice(0, said);
    const shared = [...earlier.matchAll(/\b(?:year[- ]over[- ]year|sequential(?:ly)?|quarter[- ]over[- ]quarter)\b/gi)].pop();
    if (shared && /,\s*(?:but|while|whereas|and)\b|;/.test(earlier.slice(shared.index!))) kind = /sequential|quarter/i.test(shared[0]) ? 'qoq' : 'yoy';
  }
  // "a decrease of 83% compared to December 31, 2023", "increased by $17 billion from $41.8 billion at the end of 2024": a change against a date
  kind ??= kindAgainstDate(text.slice(item.end), calendar);
  // "Between Q4 2024 and Q4 of 2025, our holdings increased by over 20%": the distance between the two quarters named
  kind ??= kindBetween(text);
  // "Between Q4 2024 and Q4 2025, our holdings grew 20%. Over the same period, our hash rate increased 25%.": the span said before
  if (!kind && span && sameSpan.test(text)) kind = span;
  if (!kind) return directionBefore ? 'unmeasured' : null;
  if (kind === 'since') kind = sinceQuarterEnd(text, calendar) ?? kind;
  const words = directionBefore ? directionBefore[0] : (comparisonAfter ?? adjectival ?? sharedDirection)![0];
  const ofLoss = /\bloss(?:es)?\b/i.test(text.slice(Math.max(0, item.at - 90), item.at));
  const direction = directionOf(words, ofLoss) || directionOf(text.slice(Math.max(0, item.at - 90), item.end + 40), ofLoss);
  if (!direction && percent) return null;
  return { kind, direction: direction || 1 };
}

/** The kind of a change measured against a day said after it: the last quarter's end is sequential, the one a year before year over year. */
function kindAgainstDate(after: string, calendar: CallCalendar): ChangeKind | null {
  let date: string | null = null;
  const day = /^[^.;]{0,20}?\b(?:compared (?:to|with)|versus|vs\.?|from|than(?: (?:at|on|as of))?)\s+(?:the end of\s+)?(january|february|march|april|may|june|july|august|september|october|november|december) (\d{1,2})(?:,? (\d{4}))?\b/i.exec(after);
  if (day) {
    const month = months.indexOf(day[1].toLowerCase()) + 1;
    const onDay = (y: number) => `${y}-${String(month).padStart(2, '0')}-${day[2].padStart(2, '0')}`;
    // "1,284 more than at March 31": without a year, the last such day up to the quarter's end
    date = day[3] ? onDay(Number(day[3])) : latestUpTo(calendar, onDay);
  }
  // "116 more bitcoin than we held at the end of June": the month's last day, the latest up to the quarter's end
  const monthEnd = /^[^.;]{0,30}?\bthan\s+(?:(?:we|they)\s+(?:held|had|reported)\s+)?(?:at|as of)\s+(?:the\s+)?end of\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b(?!,? \d)/i.exec(after);
  if (!date && monthEnd) {
    const month = months.indexOf(monthEnd[1].toLowerCase()) + 1;
    date = latestUpTo(calendar, (y) => lastDayOfMonth(y, month));
  }
  const yearEnd = /^(?:[^.;]|\.(?=\d)){0,20}?\bfrom\s+(?:[^.;]|\.(?=\d)){0,30}?\b(?:at|as of) (?:the )?end of (\d{4})\b/i.exec(after);
  if (!date && yearEnd) date = `${yearEnd[1]}-12-31`;
  // "revenues grew 38% to $907 million from $656 million in 2024": a year's change against the year before
  const yearBefore = /^(?:[^.;]|\.(?=\d)){0,40}?\b(?:(?:from|compared (?:to|with)|versus)\s+(?:[^.;]|\.(?=\d)){0,30}?\bin|on|over|from|versus|compared (?:to|with)) (?:fiscal )?(\d{4})\b(?!\s*(?:to|and|-)\s*\d)/i.exec(after);
  if (!date && yearBefore) return Number(yearBefore[1]) === calendar.year - 1 ? 'yoy' : null;
  if (!date) return null;
  if (date === quarterEndOf(calendar, ...shiftQuarter(calendar.year, calendar.quarter, -1))) return 'qoq';
  return date === quarterEndOf(calendar, ...shiftQuarter(calendar.year, calendar.quarter, -4)) ? 'yoy' : 'since';
}

const sameSpan = /\b(?:over|during|in|for|across) (?:the )?same (?:period|time ?frame|span|time)\b|\bover that (?:period|time ?frame|span)\b/i;

/** The day a date of a given year names, in the latest year that puts it on or before the quarter's end. */
function latestUpTo(calendar: CallCalendar, dayOf: (year: number) => string): string {
  const year = Number(calendar.quarterEnd.slice(0, 4));
  return dayOf(year) <= calendar.quarterEnd ? dayOf(year) : dayOf(year - 1);
}

/** "between Q4 2024 and Q4 2025": four quarters apart is year over year, one sequential. */
export function kindBetween(text: string): ChangeKind | null {
  const m = /\bbetween (?:the )?(?:Q([1-4])|(first|second|third|fourth) quarter)(?: of)? (\d{4}) and (?:the )?(?:Q([1-4])|(first|second|third|fourth) quarter)(?: of)? (\d{4})\b/i.exec(text);
  if (!m) return null;
  const index = (q: number, y: string) => Number(y) * 4 + q;
  const apart = index(Number(m[4]) || ordinalQuarter[m[5]?.toLowerCase()], m[6]) - index(Number(m[1]) || ordinalQuarter[m[2]?.toLowerCase()], m[3]);
  return apart === 4 ? 'yoy' : apart === 1 ? 'qoq' : null;
}

const ordinalQuarter: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/** "up 15% since December 31" in a March-quarter call is a sequential change: that date is the last quarter's end. */
function sinceQuarterEnd(text: string, calendar: CallCalendar): ChangeKind | null {
  const m = /\bsince (?:the end of )?(january|february|march|april|may|june|july|august|september|october|november|december) (\d{1,2})\b/i.exec(text);
  if (!m) return null;
  const monthDay = `${String(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].indexOf(m[1].toLowerCase()) + 1).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  const previous = quarterEndOf(calendar, ...shiftQuarter(calendar.year, calendar.quarter, -1));
  const yearAgo = quarterEndOf(calendar, ...shiftQuarter(calendar.year, calendar.quarter, -4));
  if (previous.slice(5) === monthDay) return 'qoq';
  if (yearAgo.slice(5) === monthDay) return 'yoy';
  return null;
}


/**
 * "up 112% from the fourth quarter of 2023": a change against a named quarter is year over year
 * when that quarter is a year before the call's, sequential when it is the one before.
 */
function comparedQuarterKind(text: string, item: Placed, calendar: CallCalendar): { kind: ChangeKind | null; distance: number } | null {
  const pattern =
    /\b(?:from|compared (?:to|with)|versus|vs\.?|over|above|below|than(?: in| at)?(?: the end of)?)\s+(?:the |our )?(?:(?:what )?(?:we|they) (?:mined|produced|generated|reported|delivered|sold|shipped|earned|had|held|did) (?:in|during|at the end of) (?:the )?)?(?:(?:approximately |about |roughly )?\$?\d[\d.,]*(?: (?:million|billion|thousand))?(?: [a-z-]+){0,2} (?:in|for|during|at the end of) (?:the )?)?(?:fiscal )?(?:(first|second|third|fourth)[- ]quarter|Q([1-4])|([1-4])Q|(january|february|march|april|may|june|july|august|september|october|november|december)(?:-| )quarter)(?: of)?(?: fiscal)?(?: (\d{4}|last year|the prior year|the previous year)|\s?['’](\d{2}))?/gi;
  let best: { kind: ChangeKind | null; distance: number } | null = null;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    // "the June quarter" is the fiscal quarter that ends in June
    const quarter = m[1] ? ordinalQuarter[m[1].toLowerCase()] : m[4] ? quarterEndingIn(calendar, m[4]) : Number(m[2] ?? m[3]);
    const said = m[5] ?? (m[6] ? `20${m[6]}` : undefined);
    const year = !said ? (quarter < calendar.quarter ? calendar.year : calendar.year - 1) : /^\d/.test(said) ? Number(said) : calendar.year - 1;
    const back = (calendar.year - year) * 4 + (calendar.quarter - quarter);
    const distance = m.index >= item.end ? m.index - item.end : 2 * Math.abs(item.at - (m.index + m[0].length));
    if (!best || distance < best.distance) best = { kind: back === 4 ? 'yoy' : back === 1 ? 'qoq' : null, distance };
  }
  return best && best.distance <= 90 ? best : null;
}


const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The fiscal quarter (1–4) whose last month is the one named. */
function quarterEndingIn(calendar: CallCalendar, month: string): number {
  const endMonth = Number(calendar.quarterEnd.slice(5, 7));
  const back = (((endMonth - (months.indexOf(month.toLowerCase()) + 1)) % 12) + 12) % 12 / 3;
  return ((((calendar.quarter - 1 - Math.round(back)) % 4) + 4) % 4) + 1;
}
