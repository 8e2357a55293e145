import { modelNamePattern, regionNames } from '../../registries/entities.ts';

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
    const distance = match.end <= at ? at - match.end : match.start >= end ? (match.start - end) * 2 : Infinity;
    if (distance <= reach && (!best || distance < best.distance)) best = { match, distance };
  }
  return best?.match ?? null;
}
