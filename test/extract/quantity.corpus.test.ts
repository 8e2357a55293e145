import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractQuantities, type Language, type Quantity } from '../../pipeline/extract/quantity.ts';

// Real third-party transcripts live outside the repo; the test reads them in place and skips
// when they are absent (a fresh clone, CI without the corpus).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const canaan = path.join(corpus, 'CAN-2024Q3.statementdog.txt');
const exists = existsSync(canaan);
if (!exists) console.log(`quantity.corpus.test: skipped, no corpus at ${corpus}`);

interface Mention extends Quantity {
  line: string;
  language: Language;
}

/** statementdog layout: English lines start with "  • ", their Chinese translation with four spaces. */
function mentionsOf(file: string, layout: 'bilingual' | 'english'): Mention[] {
  const mentions: Mention[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    let language: Language | null = 'en';
    if (layout === 'bilingual') language = line.startsWith('  • ') ? 'en' : line.startsWith('    ') ? 'zh' : null;
    if (!language) continue;
    for (const quantity of extractQuantities(line, language)) {
      expect(line.slice(quantity.start, quantity.end)).toBe(quantity.surface);
      mentions.push({ ...quantity, line, language });
    }
  }
  return mentions;
}

describe.skipIf(!exists)('extractQuantities on the Canaan 2024Q3 transcript', () => {
  const mentions = exists ? mentionsOf(canaan, 'bilingual') : [];
  const has = (language: Language, surface: string, value: number, unit: string) =>
    mentions.some((mention) => mention.language === language && mention.surface.includes(surface) &&
      mention.value === value && mention.unit === unit);

  it('reads hash rates said with a scale word and as exahash', () => {
    expect(has('en', '7.30 million terahash per second', 7_300_000, 'TH/s')).toBe(true);
    expect(has('en', '4.6 exahash per second', 4_600_000, 'TH/s')).toBe(true);
  });

  it('reads revenue glued to its currency code and in 萬', () => {
    expect(has('en', 'USD73.6 million', 73_600_000, 'USD')).toBe(true);
    expect(has('zh', '7360 萬美元', 73_600_000, 'USD')).toBe(true);
  });

  it('reads price per hash rate, efficiency and the 22-to-23 range', () => {
    expect(mentions.some((mention) => mention.value === 8.8 && mention.unit === 'USD/(TH/s)')).toBe(true);
    expect(mentions.some((mention) => mention.value === 16.8 && mention.unit === 'J/TH')).toBe(true);
    expect(mentions.some((mention) => mention.language === 'en' && mention.value === 22 && mention.valueHigh === 23)).toBe(true);
  });

  // A count may run across a model name ("3,800 A1566I ... miners"); no number may start inside one.
  it('finds nothing inside form and model names', () => {
    for (const name of ['20-F', 'A1566I', 'A15 Pro', 'Nano 3']) {
      for (const mention of mentions) {
        for (let at = mention.line.indexOf(name); at >= 0; at = mention.line.indexOf(name, at + 1)) {
          const startsInside = mention.start >= at && mention.start < at + name.length;
          expect(startsInside, `"${mention.surface}" is inside ${name}`).toBe(false);
        }
      }
    }
  });
});

describe.skipIf(!exists)('extractQuantities on the CleanSpark and MARA transcripts', () => {
  it.each(['CLSK-2025Q4.wire.txt', 'MARA-2025Q4.webcopy.txt'])('%s: runs, and every span slices back', (file) => {
    const full = path.join(corpus, file);
    if (!existsSync(full)) return;
    const mentions = mentionsOf(full, 'english');
    expect(mentions.length).toBeGreaterThan(20);
  });
});
