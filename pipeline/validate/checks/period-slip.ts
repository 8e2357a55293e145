import type { Row } from '../../../schemas/columns.ts';
import type { facts, paragraphs, validationIssues } from '../../../schemas/index.ts';
import { agree } from '../../extract/kpis.ts';
import type { DocumentForChecks } from '../document-checks.ts';
import { factIds, issueRow, sayFact } from './issue-wording.ts';
import { groupBy } from '../../group-by.ts';
import { MAX_FIGURES_PER_KEY } from './statement-clusters.ts';
import { firstAtLeast } from '../../sorted-search.ts';

type Fact = Row<typeof facts>;
type Paragraph = Row<typeof paragraphs>;

/** How a quarter is named in a sentence; the captures give its number. */
const quarterPhrase = /\b(?:(first|second|third|fourth)[- ]quarter|quarter (one|two|three|four)|Q([1-4])|([1-4])Q)\b/gi;
const quarterNumber: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, one: 1, two: 2, three: 3, four: 4 };

/** Words that make a quarter a point of comparison, where another quarter's figure is meant to be named. */
const comparisonCues = /\b(?:compared (?:to|with)|from|versus|vs\.?|against|relative to|last year|prior|previous|preceding|a year ago|same (?:quarter|period))\b/i;

/** How far before the quarter phrase or the number a comparison word still governs it. */
const COMPARISON_REACH = 30;

/**
 * A figure labelled with another quarter while it is the call quarter's own figure ("The first
 * quarter we achieved 7.3 million TH/s sold" in a third-quarter call whose quarter sold exactly
 * that): a slip of the tongue that would otherwise put the figure in the wrong quarter.
 */
export function checkPeriodSlips(doc: DocumentForChecks): Row<typeof validationIssues>[] {
  const callPeriod = doc.document.call_period;
  if (!callPeriod) return [];
  const paragraphByIndex = new Map(doc.paragraphs.map((p) => [p.paragraph_index, p]));
  const ownFigure = callQuarterFigures(doc.facts, callPeriod);
  const issues: Row<typeof validationIssues>[] = [];
  for (const f of doc.facts) {
    const quarter = /^\d{4}Q([1-4])$/.exec(f.period);
    if (!quarter || f.period === callPeriod) continue;
    const own = ownFigure(f);
    if (!own) continue;
    const phrase = slipPhrase(f, Number(quarter[1]), paragraphByIndex.get(f.paragraph_index));
    if (!phrase) continue;
    issues.push(
      issueRow(doc.document.doc_id, 'period_slip', {
        severity: 'warning',
        message:
          `${f.speaker ?? 'A speaker'} said '${phrase}' of ${sayFact(f)} ${f.metric} (paragraph ${f.paragraph_index}), ` +
          `a figure that is the call's own quarter (${callPeriod}): ${sayFact(own)} is stated for ${callPeriod} in paragraph ${own.paragraph_index}.`,
        metric: f.metric,
        fact_ids: factIds([f, own]),
        expected: callPeriod,
        actual: f.period,
      }),
    );
  }
  return issues;
}

/**
 * The first fact of the call's quarter, in document order, that states the figure `f` states
 * (same metric, unit and change; another fact). Compared by distinct figure, each pair once, and
 * at most MAX_FIGURES_PER_KEY figures of a metric: the work stays linear in the facts.
 */
function callQuarterFigures(facts: readonly Fact[], callPeriod: string): (f: Fact) => Fact | undefined {
  const position = new Map(facts.map((f, i) => [f, i]));
  const keyOf = (f: Fact) => JSON.stringify([f.metric, f.unit, f.change_kind]);
  const figureOf = (f: Fact) => `${f.value}\u0000${f.stated_value}`;
  const figures = new Map<string, Fact[][]>();
  for (const [key, statements] of groupBy(facts.filter((g) => g.period === callPeriod), keyOf)) {
    const distinct = [...groupBy(statements, figureOf).values()];
    figures.set(key, distinct.slice(0, MAX_FIGURES_PER_KEY));
  }
  const agreeing = new Map<string, Fact[][]>();
  return (f) => {
    const key = keyOf(f);
    const memo = `${key}\u0000${figureOf(f)}`;
    let candidates = agreeing.get(memo);
    if (!candidates) agreeing.set(memo, (candidates = (figures.get(key) ?? []).filter((statements) => agree(f, statements[0]))));
    let own: Fact | undefined;
    for (const statements of candidates) {
      const g = statements.find((s) => s.fact_id !== f.fact_id);
      if (g && (!own || position.get(g)! < position.get(own)!)) own = g;
    }
    return own;
  };
}

/** The phrase in the fact's sentence that names its quarter, unless it is said as a comparison. */
function slipPhrase(f: Fact, quarter: number, paragraph: Paragraph | undefined): string | null {
  const sentence = f.sentence;
  const at = quoteOffset(f, paragraph);
  const quoteEnd = at + f.quote.length;
  const gap = (start: number, end: number) => (end <= at ? at - end : Math.max(0, start - quoteEnd));
  let best: { text: string; start: number; end: number } | null = null;
  quarterPhrase.lastIndex = 0;
  for (let m = quarterPhrase.exec(sentence); m; m = quarterPhrase.exec(sentence)) {
    const named = quarterNumber[(m[1] ?? m[2] ?? '').toLowerCase()] ?? Number(m[3] ?? m[4]);
    if (named !== quarter) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (!best || gap(start, end) < gap(best.start, best.end)) best = { text: m[0], start, end };
  }
  if (!best) return null;
  const from = Math.max(0, Math.min(best.start, at) - COMPARISON_REACH);
  const to = Math.max(best.end, quoteEnd);
  return comparisonCues.test(sentence.slice(from, to)) ? null : best.text;
}

/** Where the fact's quote stands in its sentence: the same figure can be said twice in one sentence. */
function quoteOffset(f: Fact, paragraph: Paragraph | undefined): number {
  const text = paragraph?.text_en;
  if (text && paragraph.char_start !== null) {
    const inParagraph = utf16Offset(paragraph, f.char_start - paragraph.char_start);
    const sentenceStart = text.lastIndexOf(f.sentence, inParagraph);
    if (sentenceStart >= 0 && text.startsWith(f.quote, inParagraph)) return inParagraph - sentenceStart;
  }
  return Math.max(0, f.sentence.indexOf(f.quote));
}

// code-point offsets at which a surrogate pair starts, per paragraph
const pairStarts = new WeakMap<Paragraph, number[]>();

/** The UTF-16 offset of code point `codePoint` of the paragraph's English (its end past the last), without walking it each time. */
function utf16Offset(paragraph: Paragraph, codePoint: number): number {
  const text = paragraph.text_en ?? '';
  if (codePoint < 0) return Array.from(text).slice(0, codePoint).join('').length;
  let starts = pairStarts.get(paragraph);
  if (!starts) {
    starts = [];
    for (let i = 0, cp = 0; i < text.length; i++, cp++) {
      const code = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        starts.push(cp);
        i++;
      }
    }
    pairStarts.set(paragraph, starts);
  }
  return Math.min(text.length, codePoint + firstAtLeast(starts, codePoint));
}
