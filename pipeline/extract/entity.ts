import { modelNamePattern, regionNames, segmentNames, sitePattern } from '../../registries/entities.ts';

export interface EntityMatch {
  name: string;
  start: number;
  end: number;
}

const regionPattern = new RegExp(`\\b(?:${regionNames.map((r) => r.replace(/[.]/g, '\\.')).join('|')})(?![\\w-])`, 'g');

/** Machine models named in a text ("A15 Pro", "S21 XP", "Titan X9"), with their spans. */
export function findModels(text: string): EntityMatch[] {
  return matchAll(modelNamePattern, text);
}

/** Regions and countries named in a text. */
export function findRegions(text: string): EntityMatch[] {
  return matchAll(regionPattern, text);
}

function matchAll(pattern: RegExp, text: string): EntityMatch[] {
  const found: EntityMatch[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push({ name: m[0].trim(), start: m.index, end: m.index + m[0].trimEnd().length });
  }
  return found;
}

/** The entity nearest before `at` (within `reach` characters), or failing that, shortly after `end`. */
export function nearestEntity(found: EntityMatch[], at: number, end: number, reach = 120): EntityMatch | null {
  let best: { match: EntityMatch; distance: number } | null = null;
  for (const match of found) {
    // "12,000 S21 miners": a model named inside the quantity's own words is its
    const inside = match.start >= at && match.end <= end;
    const distance = inside ? 0 : match.end <= at ? at - match.end : match.start >= end ? (match.start - end) * 2 : Infinity;
    if (distance <= reach && (!best || distance < best.distance)) best = { match, distance };
  }
  return best?.match ?? null;
}

const segmentList = segmentNames.join('|');
const segmentBefore = new RegExp(`\\b(${segmentList})(?: (?:segment|business|line))?(?:'s)? gross (?:margin|profit|loss)`, 'gi');
const segmentAfter = new RegExp(`\\bgross (?:margin|profit|loss)(?:es)? (?:for|of|in|from|on) (?:the |our |its )?(${segmentList})(?: (?:segment|business|line))?\\b`, 'gi');

/** Business segments named as the owner of a margin or profit: "hosting gross margin", "gross profit of the HPC segment". */
export function findSegments(text: string): EntityMatch[] {
  const found: EntityMatch[] = [];
  for (const pattern of [segmentBefore, segmentAfter]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push({ name: m[1].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Sites named in a text ("the Sandersville site", "our Wyoming campus"). */
export function findSites(text: string): EntityMatch[] {
  const found: EntityMatch[] = [];
  sitePattern.lastIndex = 0;
  for (let m = sitePattern.exec(text); m; m = sitePattern.exec(text)) {
    // "Our Sandersville site": a capitalised word that opens the sentence is no part of the name
    const name = (m[1] ?? m[2]).replace(/^(?:The|Our|This|That|Each|One|New|Every|Any|Its|Their) /, '');
    if (/^(?:The|Our|This|That|Each|One|New|Every|Any|Its|Their)$/.test(name)) continue;
    found.push({ name, start: m.index + m[0].indexOf(name), end: m.index + m[0].length });
  }
  return found;
}
