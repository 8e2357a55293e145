import { aboutOthers, changeDirection, changeKinds, forwardCues, hypotheticalBefore, hypotheticalQuestion, lossDirection, noFactAfter, noFactBefore, pastGuidance, specCues } from '../../registries/context-cues.ts';
import { maskedPhrases, metrics, type MetricDefinition } from '../../registries/metrics.ts';

/** Compiles a list of regular-expression fragments into one case-insensitive, word-bounded pattern. */
export function phrasePattern(fragments: readonly string[], flags = 'gi'): RegExp {
  return new RegExp(`(?<![\\w-])(?:${fragments.join('|')})(?![\\w])`, flags);
}

export interface CueMatch {
  metric: MetricDefinition;
  start: number;
  end: number;
  text: string;
  /** a cue that says little ("we have"), which yields to a cue of another metric as near */
  weak?: boolean;
}

const metricPatterns = metrics.map((metric) => ({ metric, pattern: phrasePattern(metric.cues), weak: metric.weakCues ? new RegExp(`^(?:${metric.weakCues.join('|')})$`, 'i') : null }));
const lossPatterns = new Map(metrics.filter((m) => m.lossCues).map((m) => [m.id, phrasePattern(m.lossCues!, 'i')]));

const maskPattern = phrasePattern(maskedPhrases);

/** Every cue phrase of every metric in a sentence, phrases that only look like cues blanked out. */
export function findMetricCues(text: string): CueMatch[] {
  const sentence = text.replace(maskPattern, (m) => ' '.repeat(m.length));
  const found: CueMatch[] = [];
  for (const { metric, pattern, weak } of metricPatterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      found.push({ metric, start: m.index, end: m.index + m[0].length, text: m[0], weak: weak?.test(m[0]) ?? false });
    }
  }
  // "operating" inside "operating expenses" is no hash-rate cue: a cue inside a longer one of another metric goes
  // a share's cue ("of HPC hosting revenue") leaves the line's own cue inside it alone
  return found.filter(
    (c) => !found.some((o) => o.metric !== c.metric && o.metric.unit !== '%' && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start),
  );
}

export function isLossCue(metricId: string, cueText: string): boolean {
  return lossPatterns.get(metricId)?.test(cueText) ?? false;
}

const upPattern = phrasePattern(changeDirection.up, 'i');
const downPattern = phrasePattern(changeDirection.down, 'i');
const lossBetter = phrasePattern(lossDirection.better, 'i');
const lossWorse = phrasePattern(lossDirection.worse, 'i');
const forwardPattern = phrasePattern(forwardCues, 'i');
const specPattern = phrasePattern(specCues, 'i');
const noFactPatterns = noFactBefore.map((p) => new RegExp(p, 'i'));
const kindPatterns = changeKinds.map(({ kind, cues }) => ({ kind, pattern: phrasePattern(cues) }));

/** The direction said in a stretch of text: +1 up, -1 down, 0 none; of a loss, a narrowing is up. */
export function directionOf(text: string, ofLoss: boolean): number {
  if (ofLoss) {
    if (lossWorse.test(text)) return -1;
    if (lossBetter.test(text)) return 1;
  }
  const up = upPattern.exec(text);
  const down = downPattern.exec(text);
  if (up && down) return up.index > down.index ? 1 : -1; // the word nearest the number is the later one
  return up ? 1 : down ? -1 : 0;
}

/** The nearest change-kind phrase to a span of a sentence, with its distance. */
export function changeKindNear(sentence: string, at: number, end: number): { kind: 'yoy' | 'qoq' | 'since'; distance: number } | null {
  let best: { kind: 'yoy' | 'qoq' | 'since'; distance: number } | null = null;
  for (const { kind, pattern } of kindPatterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      // speakers put the measure after the number ("up 27% from a year ago"): one before it counts double
      const distance = m.index >= end ? m.index - end : m.index + m[0].length <= at ? 2 * (at - (m.index + m[0].length)) : 0;
      if (!best || distance < best.distance) best = { kind, distance };
    }
  }
  return best && best.distance <= 90 ? best : null;
}

/** "a year-over-year increase of 93.8%": the kind said as the adjective of the change word. */
export function changeKindJustBefore(text: string): 'yoy' | 'qoq' | 'since' | null {
  for (const { kind, pattern } of kindPatterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const rest = text.slice(m.index + m[0].length);
      if (/^\s*(?:(?:increase|decrease|growth|decline|rise|drop|improvement|reduction|gain|jump)(?:\s+(?:of|by))?)?\s*$/i.test(rest)) return kind;
    }
  }
  return null;
}

const pastGuidancePattern = phrasePattern(pastGuidance, 'i');

/** Forward-looking words, unless they speak of guidance already beaten ("exceeding our guidance"). */
const discourseFuture = /\b(?:you|we|I)(?:'ll|’ll| will) (?:see|note|notice|remind|start|turn|hear|find|recall|mention|walk)\b|\bthat will ever (?:exist|be mined|be created)\b/gi;
export const isForward = (text: string) => forwardPattern.test(text.replace(pastGuidancePattern, ' ').replace(discourseFuture, ' '));
export const hasSpecCue = (text: string) => specPattern.test(text);
const noFactAfterPatterns = noFactAfter.map((p) => new RegExp(p, 'i'));
const hypotheticalPattern = new RegExp(hypotheticalQuestion, 'i');
export const isNoFactContext = (before: string, after = '') => noFactPatterns.some((p) => p.test(before)) || noFactAfterPatterns.some((p) => p.test(after));
const hypotheticalPatterns = hypotheticalBefore.map((p) => new RegExp(p, 'i'));
export const isHypothetical = (before: string) => hypotheticalPatterns.some((p) => p.test(before));
const aboutOthersPattern = new RegExp(aboutOthers, 'i');
export const isAboutOthers = (sentence: string) => aboutOthersPattern.test(sentence.replace(/\b(?:outperform\w*|beat(?:ing|s)?|above|ahead of|better than|relative to|compared (?:to|with)|versus|than|performance in|in) the (?:[a-z]+ )?industry(?: average)?/gi, ' '));

/**
 * Where the hypothetical part of a question starts ("..., how should we think about"): numbers
 * said before it are the premise an analyst states ("with the 13,000 bitcoin on the balance
 * sheet, ..."), those after it are what is asked. Null when the sentence is no such question.
 */
export function hypotheticalQuestionAt(sentence: string): number | null {
  if (!/\?\s*$/.test(sentence)) return null;
  const m = hypotheticalPattern.exec(sentence);
  if (!m) return null;
  // the question's own clause starts at the last comma or wh-word before "should we"
  const lead = sentence.slice(0, m.index);
  const clause = Math.max(lead.lastIndexOf(','), lead.search(/\b(?:how|what|why|when|where|which|is there|are there)\b[^,]*$/i));
  return clause >= 0 ? clause : 0;
}
