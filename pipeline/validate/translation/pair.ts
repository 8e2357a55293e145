import type { Row } from '../../../schemas/columns.ts';
import type { mentions, paragraphs } from '../../../schemas/index.ts';
import { firstAtLeast } from '../../sorted-search.ts';

export type Mention = Row<typeof mentions>;
type Paragraph = Row<typeof paragraphs>;

/** A way of saying one thing (a qualifier, a comparison basis, a sign) in both languages. */
export interface WordFamily {
  name: string;
  /** how a sentence names it: "more than", "year over year" */
  said: string;
  /** English phrases, matched as whole words; hyphens and spaces alike */
  en: string[];
  /** Chinese words that render it anywhere in the clause of the number */
  zh: string[];
  /** words that render it loosely (上季, "last quarter"): enough to be faithful, too loose to contradict another family */
  zhWeak?: string[];
  /** single characters that render it only right before the number (約, 近): elsewhere they are parts of other words */
  zhNear?: string[];
  /** words that render it only right after the number (以上, 左右) */
  zhAfter?: string[];
  /** characters that, right before a word (spaces skipped), make it part of another word (今年增加 is "this year rose") */
  zhNotAfter?: string;
  /** Chinese words that show the English was misread, named in the sentence */
  misreadings?: { zh: string; reads: string }[];
}

/** Families that exclude one another, compared the same way. */
export interface FamilyGroup {
  /** 'qualifier': the English family is the qualifier the quantity extractor read; 'words': phrases near the number */
  englishFrom: 'qualifier' | 'words';
  /** what the English says of the quantity, in a sentence: "is a change {said}" */
  stated: string;
  families: WordFamily[];
  /** a Chinese that says none of the families lost what the English said */
  flagDropped: boolean;
  /** when the Chinese clause says none of the families, look in its whole sentence */
  widenToSentence: boolean;
  /** families that render one another faithfully enough */
  compatible?: [string, string][];
  /** families that contradict one another; without it, every family not compatible does */
  contrary?: [string, string][];
}

/** Where a quantity sits in its text, in UTF-16 offsets of the clause string. */
export interface Span {
  start: number;
  end: number;
}

/** An English quantity, its Chinese counterpart and the words around each, as the checks see them. */
export interface TranslationPair {
  paragraphIndex: number;
  speaker: string | null;
  en: Mention;
  zh: Mention;
  /** the English clause of the quantity, and the quantities in it (this one is `enSelf`) */
  enClause: string;
  enQuantities: Span[];
  enSelf: number;
  enSentence: string;
  /** the nearest English quantity with a unit before this one in the paragraph: what a bare number counts */
  enUnitBefore: Mention | null;
  zhClause: string;
  /** the clause before it in the same sentence, empty at the start of a sentence */
  zhClauseBefore: string;
  zhSentence: string;
  /** the paragraph's Chinese right before the number, within its clause */
  zhBefore: string;
  /** the Chinese right after the number, to the end of its sentence */
  zhAfter: string;
  /** every Chinese quantity phrase of the document, for what the translation says elsewhere */
  documentZh: readonly string[];
}

const englishSentenceEnd = (cps: string[], i: number) => /[.!?;]/.test(cps[i]) && (i + 1 >= cps.length || /\s/.test(cps[i + 1]));
const englishClauseEnd = (cps: string[], i: number) =>
  englishSentenceEnd(cps, i) || ((cps[i] === ',' || cps[i] === ':') && /\s/.test(cps[i + 1] ?? ' ')) || /[—–()]/.test(cps[i]);
const chineseSentenceEnd = (cps: string[], i: number) => /[\u3002\uff01\uff1f\uff1b!?;]/.test(cps[i]);
// statementdog's Chinese writes ASCII commas between clauses; one between digits is a thousands separator
const chineseClauseEnd = (cps: string[], i: number) =>
  chineseSentenceEnd(cps, i) || /[\uff0c\u3001\uff1a:\uff08\uff09()]/.test(cps[i]) || (cps[i] === ',' && !(/\d/.test(cps[i - 1] ?? '') && /\d/.test(cps[i + 1] ?? '')));

/** The code-point range [start, end) around `at` bounded by `isEnd` characters. */
function around(cps: string[], at: number, isEnd: (cps: string[], i: number) => boolean): [number, number] {
  let start = at;
  while (start > 0 && !isEnd(cps, start - 1)) start -= 1;
  let end = at;
  while (end < cps.length && !isEnd(cps, end)) end += 1;
  return [start, Math.min(cps.length, end + 1)];
}

const join = (cps: string[], start: number, end: number) => cps.slice(Math.max(0, start), Math.max(0, end)).join('');

/** Builds what the checks read for a pair, from the paragraph texts and the mentions' code-point offsets. */
export function pairContext(
  paragraph: Paragraph,
  en: Mention,
  zh: Mention,
  paragraphEnglish: readonly Mention[],
  documentZh: readonly string[],
): TranslationPair {
  const { enCps, zhCps } = codePointsOf(paragraph);
  const enOrigin = paragraph.char_start ?? 0;
  const enStart = en.char_start - enOrigin;
  const zhStart = zh.char_start - (paragraph.zh_char_start ?? 0);
  const zhEnd = zh.char_end - (paragraph.zh_char_start ?? 0);

  const [clauseStart, clauseEnd] = around(enCps, enStart, englishClauseEnd);
  const [sentenceStart, sentenceEnd] = around(enCps, enStart, englishSentenceEnd);
  const inClause = mentionsBetween(paragraphEnglish, enOrigin + clauseStart, enOrigin + clauseEnd)
    .map((m) => ({ m, start: m.char_start - enOrigin, end: m.char_end - enOrigin }))
    .sort((a, b) => a.start - b.start);
  const offset = (cp: number) => join(enCps, clauseStart, cp).length;
  const enQuantities = inClause.map((q) => ({ start: offset(q.start), end: offset(q.end) }));
  const enSelf = inClause.findIndex((q) => q.m.mention_id === en.mention_id);

  const [zhClauseStart, zhClauseEnd] = around(zhCps, zhStart, chineseClauseEnd);
  const [zhSentenceStart, zhSentenceEnd] = around(zhCps, zhStart, chineseSentenceEnd);
  const unitBefore = lastWithUnitBefore(paragraphEnglish, en.char_start);

  return {
    paragraphIndex: paragraph.paragraph_index,
    speaker: paragraph.speaker,
    en,
    zh,
    enClause: join(enCps, clauseStart, clauseEnd),
    enQuantities,
    enSelf,
    enSentence: join(enCps, sentenceStart, sentenceEnd),
    enUnitBefore: unitBefore,
    zhClause: join(zhCps, zhClauseStart, zhClauseEnd),
    zhClauseBefore: zhClauseStart > zhSentenceStart ? join(zhCps, around(zhCps, zhClauseStart - 1, chineseClauseEnd)[0], zhClauseStart) : '',
    zhSentence: join(zhCps, zhSentenceStart, zhSentenceEnd),
    zhBefore: join(zhCps, zhClauseStart, zhStart),
    zhAfter: join(zhCps, zhEnd, zhSentenceEnd),
    documentZh,
  };
}

// A paragraph's code points and its mentions' order, computed once however many pairs it has:
// per pair they made the translation checks quadratic in a long paragraph.
const codePoints = new WeakMap<Paragraph, { enCps: string[]; zhCps: string[] }>();

function codePointsOf(paragraph: Paragraph): { enCps: string[]; zhCps: string[] } {
  let cps = codePoints.get(paragraph);
  if (!cps) codePoints.set(paragraph, (cps = { enCps: Array.from(paragraph.text_en ?? ''), zhCps: Array.from(paragraph.text_zh ?? '') }));
  return cps;
}

interface MentionOrder {
  /** in char_start order when the list is; null when not, and each lookup filters the list */
  starts: number[] | null;
  withUnit: Mention[];
}

const mentionOrders = new WeakMap<readonly Mention[], MentionOrder>();

function orderOf(mentions: readonly Mention[]): MentionOrder {
  let order = mentionOrders.get(mentions);
  if (!order) {
    const sorted = mentions.every((m, i) => i === 0 || (mentions[i - 1].char_start <= m.char_start && mentions[i - 1].char_end <= m.char_end));
    order = { starts: sorted ? mentions.map((m) => m.char_start) : null, withUnit: mentions.filter((m) => m.unit !== '') };
    mentionOrders.set(mentions, order);
  }
  return order;
}

/** The mentions of the list within [start, end), code points of the source, in list order. */
function mentionsBetween(mentions: readonly Mention[], start: number, end: number): Mention[] {
  const { starts } = orderOf(mentions);
  if (!starts) return mentions.filter((m) => m.char_start >= start && m.char_end <= end);
  const found: Mention[] = [];
  for (let i = firstAtLeast(starts, start); i < mentions.length && mentions[i].char_start < end; i++) if (mentions[i].char_end <= end) found.push(mentions[i]);
  return found;
}

/** The last mention of the list with a unit that ends by `at`. */
function lastWithUnitBefore(mentions: readonly Mention[], at: number): Mention | null {
  const { starts, withUnit } = orderOf(mentions);
  if (!starts) return withUnit.filter((m) => m.char_end <= at).at(-1) ?? null;
  let low = 0;
  let high = withUnit.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (withUnit[mid].char_end <= at) low = mid + 1;
    else high = mid;
  }
  return withUnit[low - 1] ?? null;
}


const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A whole-word, case-insensitive matcher of English phrases; "year over year" also matches
 * "year-over-year", and … stands for up to two words ("hit our … bottom line": "hit our Q3 bottom line").
 */
export function englishMatcher(phrases: readonly string[]): RegExp | null {
  if (phrases.length === 0) return null;
  const words = (p: string) =>
    p.split(/[\s-]+/).map((w) => (w === '…' ? '(?:[^\\s]+[\\s\\-]+){0,2}' : `${escapeRegex(w)}[\\s\\-]+`)).join('').replace(/\[\\s\\-\]\+$/, '');
  const body = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(words)
    .join('|');
  return new RegExp(`(?<![A-Za-z0-9])(?:${body})(?![A-Za-z0-9])`, 'gi');
}

/**
 * The phrases of `matcher` in the English clause that belong to this quantity: each phrase goes
 * to the quantity of the clause nearest to it, the earlier one on a tie ("93.8% year over year and
 * 16.4% sequential growth" gives each its own basis).
 */
export function attachedPhrases(pair: TranslationPair, matcher: RegExp | null): string[] {
  if (!matcher || pair.enSelf < 0) return [];
  const found: string[] = [];
  for (const hit of pair.enClause.matchAll(matcher)) {
    const start = hit.index ?? 0;
    const end = start + hit[0].length;
    let nearest = -1;
    let best = Infinity;
    pair.enQuantities.forEach((q, i) => {
      const distance = end <= q.start ? q.start - end : start >= q.end ? start - q.end : 0;
      if (distance < best) {
        best = distance;
        nearest = i;
      }
    });
    if (nearest === pair.enSelf) found.push(hit[0]);
  }
  return found;
}
