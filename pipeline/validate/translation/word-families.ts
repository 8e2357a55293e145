import { attachedPhrases, englishMatcher, type FamilyGroup, type TranslationPair, type WordFamily } from './pair.ts';

/** How far before the number a single-character word (約, 近) still belongs to it. */
const NEAR = 4;

const matchers = new WeakMap<WordFamily, RegExp | null>();
function matcherOf(family: WordFamily): RegExp | null {
  if (!matchers.has(family)) matchers.set(family, englishMatcher(family.en));
  return matchers.get(family)!;
}

interface Said {
  family: WordFamily;
  /** the words that said it */
  words: string[];
}

/** The families the English says of this quantity. */
export function englishFamilies(pair: TranslationPair, group: FamilyGroup): Said[] {
  if (group.englishFrom === 'qualifier') {
    const family = group.families.find((f) => f.name === pair.en.qualifier);
    return family ? [{ family, words: [] }] : [];
  }
  return group.families
    .map((family) => ({ family, words: attachedPhrases(pair, matcherOf(family)) }))
    .filter((s) => s.words.length > 0);
}

/**
 * The families a Chinese text says, read left to right with the longest word first at each
 * place, so 不超過 ("not more than") is never read as 超過 ("more than").
 */
export function chineseFamilies(text: string, group: FamilyGroup, withWeak: boolean): Said[] {
  const { words, firstChars } = wordsOf(group, withWeak);
  const found = new Map<WordFamily, string[]>();
  for (let i = 0; i < text.length; ) {
    if (firstChars && !firstChars.has(text[i])) {
      i += 1;
      continue;
    }
    const previous = /(\S)\s*$/.exec(text.slice(Math.max(0, i - 4), i))?.[1] ?? '';
    const hit = words.find(({ word, family }) => text.startsWith(word, i) && !(previous && (family.zhNotAfter ?? '').includes(previous)));
    if (!hit) {
      i += 1;
      continue;
    }
    found.set(hit.family, [...(found.get(hit.family) ?? []), hit.word]);
    i += hit.word.length;
  }
  return [...found].map(([family, said]) => ({ family, words: said }));
}

interface GroupWords {
  /** longest first */
  words: { word: string; family: WordFamily }[];
  /** the first characters of the words: no word starts elsewhere (null when a word is empty) */
  firstChars: Set<string> | null;
}
const groupWords = new WeakMap<FamilyGroup, GroupWords[]>();
function wordsOf(group: FamilyGroup, withWeak: boolean): GroupWords {
  let pair = groupWords.get(group);
  if (!pair) {
    pair = [false, true].map((weak) => {
      const words = group.families
        .flatMap((family) => [...family.zh, ...(weak ? family.zhWeak ?? [] : [])].map((word) => ({ word, family })))
        .sort((a, b) => b.word.length - a.word.length);
      return { words, firstChars: words.every(({ word }) => word.length > 0) ? new Set(words.map(({ word }) => word[0])) : null };
    });
    groupWords.set(group, pair);
  }
  return pair[withWeak ? 1 : 0];
}

/** Words said right next to the number: the qualifier the extractor read, 約 just before it, 以上 just after it. */
function besideNumber(pair: TranslationPair, group: FamilyGroup): Said[] {
  const found: Said[] = [];
  const before = pair.zhBefore.slice(-NEAR);
  const after = pair.zhAfter.trimStart();
  for (const family of group.families) {
    const words: string[] = [];
    if (group.englishFrom === 'qualifier' && pair.zh.qualifier === family.name) words.push(pair.zh.surface);
    words.push(...(family.zhNear ?? []).filter((w) => before.includes(w)));
    // a word after the number may follow one measure word or unit character: 70度以上, 50 台以上
    words.push(...(family.zhAfter ?? []).filter((w) => after.startsWith(w) || (w.length > 1 && /^[\u3400-\u9fff%]/.test(after) && after.slice(1).startsWith(w))));
    if (words.length) found.push({ family, words });
  }
  return found;
}

function merge(lists: Said[][]): Said[] {
  const merged = new Map<WordFamily, string[]>();
  for (const s of lists.flat()) merged.set(s.family, [...(merged.get(s.family) ?? []), ...s.words]);
  return [...merged].map(([family, words]) => ({ family, words }));
}

const inPairs = (pairs: [string, string][] | undefined, a: string, b: string) =>
  (pairs ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/**
 * Compares what the English says of a quantity (a qualifier, a basis, a sign) with what the
 * Chinese around its counterpart says: the same or a compatible family is faithful; a contrary
 * one is a change; a known misreading, or nothing when the group flags a loss, is a loss.
 */
export function compareFamilies(pair: TranslationPair, group: FamilyGroup): string | null {
  const english = englishFamilies(pair, group);
  if (english.length === 0) return null;
  const contrary = (a: string, b: string) =>
    a !== b && !inPairs(group.compatible, a, b) && (group.contrary ? inPairs(group.contrary, a, b) : true);
  // an English that says two contrary things ("profit or loss") decides nothing
  if (english.some((a) => english.some((b) => contrary(a.family.name, b.family.name)))) return null;

  // faithful anywhere the reader still links to the number: its clause, or with `widenToSentence` its sentence;
  // contrary only in its clause or, when that says nothing of the group, the clause before (the subject: "…的淨利潤,總計 2,700 萬美元");
  // a weak word (上季, "last quarter") is faithful enough but contradicts nothing
  const beside = besideNumber(pair, group);
  const wide = merge([chineseFamilies(pair.zhClause, group, true), beside, group.widenToSentence ? chineseFamilies(pair.zhSentence, group, true) : []]);
  const inClause = merge([chineseFamilies(pair.zhClause, group, false), beside]);
  const useClause = inClause.length > 0 || !group.widenToSentence;
  const near = useClause ? inClause : chineseFamilies(pair.zhClauseBefore, group, false);
  const where = useClause ? pair.zhClause : `${pair.zhClauseBefore}${pair.zhClause}`;
  for (const { family, words } of english) {
    const faithful = wide.some((c) => c.family === family || inPairs(group.compatible, c.family.name, family.name));
    if (faithful) continue;
    const englishSaid = words.length ? ` ("${words[0]}")` : '';
    const stated = `The English "${pair.en.surface}" ${group.stated.replace('{said}', family.said)}${englishSaid}`;
    const changed = near.find((c) => contrary(c.family.name, family.name));
    if (changed) {
      return `${stated}, but the Chinese reads it as ${changed.family.said} (${changed.words[0]}): "${excerpt(where)}".`;
    }
    const scope = group.widenToSentence ? pair.zhSentence : pair.zhClause;
    const misread = family.misreadings?.find((m) => scope.includes(m.zh));
    const renderings = [...family.zh.slice(0, 3), ...(family.zhAfter ?? []).slice(0, 1)].join('/');
    if (misread) {
      return `${stated}, but the Chinese renders it as ${misread.zh} ("${misread.reads}") and names no such comparison (${renderings}): "${excerpt(scope)}".`;
    }
    if (group.flagDropped) {
      const reading = group.englishFrom === 'qualifier' ? ', so it reads as an exact number' : '';
      return `${stated}, but the Chinese "${pair.zh.surface}" drops it: no ${renderings} in "${excerpt(scope)}"${reading}.`;
    }
  }
  return null;
}

/** A Chinese clause or sentence short enough to quote in a sentence. */
function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed;
}
