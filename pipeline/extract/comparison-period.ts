import { fiscalYearRange, shiftQuarter } from '../fiscal-calendar.ts';
import { changeKindNear } from './cues.ts';
import { kindBetween } from './change.ts';
import type { ChangeKind, Placed } from './facts.ts';
import { quarterEndOf, statedPeriod, yearScope, type CallCalendar } from './period.ts';

/**
 * Periods that the words of one sentence leave to the sentences around it: the fiscal year a
 * fourth-quarter call's highlights are about, and the interval of the last comparison, which
 * "over the same period" takes up.
 */
export interface SentenceScope {
  /** the fiscal year the speaker is going through, `2025`, or null */
  frame: string | null;
  /** how far the frame carries: the rest of its paragraph ("For the full year, ..."), or the speaker's turn (a review of the year announced) */
  frameReach?: 'paragraph' | 'turn';
  /** the earlier end of the last comparison said ("between Q4 2024 and Q4 2025"), as a period */
  interval: string | null;
  /** how far apart the two ends of the last span said are ("between Q4 2024 and Q4 2025": a year), which "over the same period" measures a change by */
  span?: ChangeKind | null;
  /** a year the sentence before spoke of as a whole ("last year", "next year"), in the same paragraph */
  previousYear?: { period: string; forward: boolean } | null;
}

/**
 * A sentence that makes the whole year its topic: one that opens with it ("For the full year,
 * ...", "In fiscal 2025, ...") or announces results of it ("highlights from our 2025 fiscal year").
 */
const yearOpening = /^\W*(?:(?:and|so|now|turning to|looking at|as for)\W+)?(?:for|in|during|over|throughout) (?:the )?(?:full |entire |whole )?(?:fiscal |calendar )?(?:year|\d{4})\b/i;
const yearReview = /\b(?:highlights|results|numbers|performance|review(?:ing)?|recap)\b[^.]{0,60}\b(?:(?:full|fiscal|entire|whole) year|fiscal (?:year )?\d{4}|\d{4} fiscal year|12-month (?:fiscal )?period)\b/i;

/** Words that put a sentence in a quarter: the year frame ends there. */
const quarterWords = /\b(?:quarters?|Q[1-4]|[1-4]Q|three months|sequential(?:ly)?|this period)\b/i;
const betweenPeriods = /\bbetween\s+(.{2,40}?)\s+and\s+/i;

/**
 * The scope after a sentence: in a fourth-quarter call, a past-tense sentence about the whole
 * fiscal year ("a few highlights from our fiscal year", "For the full year, ...") sets the frame
 * for the flows that follow, until a sentence speaks of a quarter.
 */
export function frameOf(text: string, scope: SentenceScope, calendar: CallCalendar, forward: boolean): SentenceScope {
  let { frame, frameReach, interval, span } = scope;
  const year = yearScope.exec(text);
  if (quarterWords.test(text)) frame = null;
  else if (year && !forward && calendar.quarter === 4 && (yearOpening.test(text) || yearReview.test(text))) {
    const named = /\d{4}/.exec(year[0]);
    if (!named || Number(named[0]) === calendar.year) {
      frame = String(calendar.year);
      frameReach = yearReview.test(text) ? 'turn' : 'paragraph';
    }
  }
  const between = betweenPeriods.exec(text);
  if (between) {
    interval = periodOfPhrase(between[1], calendar);
    span = kindBetween(text);
  }
  else if (year && !/\bsame period\b/i.test(text)) interval = String(Number(/\d{4}/.exec(year[0])?.[0] ?? calendar.year) - 1);
  return { frame, frameReach, interval, span };
}

/** The period a short phrase names ("Q4 2024", "the end of 2024"). */
function periodOfPhrase(phrase: string, calendar: CallCalendar): string | null {
  return statedPeriod({ text: phrase, at: phrase.length, end: phrase.length, leftLimit: 0, rightLimit: phrase.length, firstAt: phrase.length }, 'flow', calendar, false);
}

const qualifierWords = '(?:(?:approximately|about|roughly|around|nearly|almost|over|just over|under|more than)\\s+)?';
const fromBefore = new RegExp(`\\bfrom\\s+${qualifierWords}$`, 'i');
const toAfter = new RegExp(`^\\s*to\\s+${qualifierWords}$`, 'i');
/** "compared to net income of $528.3 million", "up 61% from $52.3 million", "versus $18.6 million" */
const baseBefore = new RegExp(`(?:compared (?:to|with)|versus|vs\\.?|up from|down from|than)\\s+(?:(?:a|an|the)\\s+)?(?:[a-z-]+\\s+){0,3}?(?:of\\s+)?${qualifierWords}$`, 'i');

/**
 * Where the words that make a number the base of a comparison or the start of "from A to B"
 * begin, or null when it is neither: a period said before them is not the base's own.
 */
export function comparisonWordAt(text: string, item: Placed, next: Placed | undefined): { at: number; fromTo: boolean } | null {
  const before = text.slice(Math.max(0, item.at - 60), item.at);
  const offset = item.at - before.length;
  const from = fromBefore.exec(before);
  if (from && next !== undefined && toAfter.test(text.slice(item.end, next.at))) return { at: offset + from.index, fromTo: true };
  const base = baseBefore.exec(before);
  return base ? { at: offset + base.index, fromTo: false } : null;
}

/**
 * The period of a number that is the base of a comparison or the start of a "from A to B", said
 * with no period of its own: the earlier end of the sentence's comparison. "from 53.2 to 66.4
 * exahash during 2025": the end of 2024; "up 12% year over year, from $7.9 to $8.8": the
 * quarter a year earlier; "between Q4 2024 and Q4 2025 ... from 44,000 to 54,000": Q4 2024.
 */
export function comparisonBasePeriod(text: string, item: Placed, fromTo: boolean, kind: string, calendar: CallCalendar, scope: SentenceScope): string | null {
  const level = kind === 'stock';
  const quarter = (y: number, q: number) => (level ? quarterEndOf(calendar, y, q) : `${y}Q${q}`);
  const year = (y: number) => (level ? fiscalYearRange(y, calendar.fiscalYearEndMonth).end : String(y));
  const asPeriod = (p: string | null): string | null => {
    if (!p) return null;
    const q = /^(\d{4})Q([1-4])$/.exec(p);
    if (q) return quarter(Number(q[1]), Number(q[2]));
    return /^\d{4}$/.test(p) ? year(Number(p)) : p;
  };

  const between = betweenPeriods.exec(text);
  if (between) return asPeriod(periodOfPhrase(between[1], calendar));
  if (/\b(?:over|during|in) the same period\b/i.test(text) && scope.interval) return asPeriod(scope.interval);
  const kindSaid = changeKindNear(text, item.at, item.end)?.kind;
  const ofYear = yearScope.exec(text);
  if (ofYear && !/\bquarter\b/i.test(text)) return year(Number(/\d{4}/.exec(ofYear[0])?.[0] ?? calendar.year) - 1);
  if (kindSaid === 'yoy') return quarter(...shiftQuarter(calendar.year, calendar.quarter, -4));
  if (kindSaid === 'qoq') return quarter(...shiftQuarter(calendar.year, calendar.quarter, -1));
  // "grew from 25 megawatts to 50 megawatts": a level's start, at the end of the quarter before
  if (fromTo && level) return quarter(...shiftQuarter(calendar.year, calendar.quarter, -1));
  return null;
}
