/**
 * A synthetic corpus for `make bench`: N transcripts made from the samples in transcripts/ by
 * changing the company's name and ticker, moving the call to another year and quarter and
 * scaling every amount by a per-document factor. Layouts are kept line for line, so each file
 * reads the way its sample does. Deterministic: the same N gives the same bytes.
 *
 * Like a real corpus it has a few companies with many calls each, not one call per company:
 * 100 companies (each keeps its sample's layout), call after call, one quarter apart.
 *
 * Sized like a real call when asked (`--kb 82`, BENCH_DOC_KB: Canaan's calls are about 82 KB, the
 * samples 6-18 KB): the middle of the call (from the first blank line after 30% of its lines to the
 * first after 85%) is said again, each time with its amounts scaled by another factor, until the
 * file reaches the size; the opening and the closing lines stay once.
 *
 *   npx tsx bench/generate.ts [--docs N] [--kb K] [--out DIR]   (BENCH_DOCS sets N, default 2000; BENCH_DOC_KB sets K)
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const defaultCorpus = path.join(repoRoot, 'bench', 'corpus');
const samples = path.join(repoRoot, 'transcripts');
const seed = 20_251_125;

interface Template {
  fileName: string;
  text: string;
  brand: string;
  ticker: string;
  year: number;
  quarter: number;
}

export const companyCount = 100;

/** mulberry32: a small seeded generator, enough for varied but repeatable documents. */
function random(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The company as the sample names it (the first word before "(TICKER)" or "(NASDAQ: TICKER)")
 * and the quarter of the call (from the file name, else the first "second quarter 2025").
 */
function templateOf(fileName: string, text: string): Template {
  const m = /((?:[A-Z][\w&'.-]*\s+)+)\((?:[A-Z][A-Za-z ]*:\s*)?([A-Z][A-Z0-9]{1,9})\)/.exec(text);
  if (!m) throw new Error(`bench/generate: no "Company (TICKER)" found in ${fileName}`);
  const named = /-(\d{4})Q([1-4])/.exec(fileName);
  const said = /\b(first|second|third|fourth)[- ]quarter(?: of)?(?: fiscal)? (\d{4})/i.exec(text);
  const period = named ? { year: Number(named[1]), quarter: Number(named[2]) } : said ? { year: Number(said[2]), quarter: ordinals.indexOf(said[1].toLowerCase()) + 1 } : null;
  if (!period) throw new Error(`bench/generate: no call quarter found in ${fileName}`);
  return { fileName, text, brand: m[1].trim().split(/\s+/)[0], ticker: m[2], ...period };
}

interface Company {
  brand: string;
  ticker: string;
}

function companies(): Company[] {
  const rng = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)];
  const taken = new Set<string>();
  return Array.from({ length: companyCount }, () => {
    const brand = capitalised(pick(syllables) + pick(syllables) + pick(syllables));
    let ticker: string;
    do ticker = Array.from({ length: 4 }, () => String.fromCharCode(65 + Math.floor(rng() * 26))).join('');
    while (taken.has(ticker));
    taken.add(ticker);
    return { brand, ticker };
  });
}

const syllables = ['bra', 'vix', 'kor', 'dal', 'men', 'tor', 'qua', 'lis', 'ster', 'fen', 'rion', 'gal', 'nor', 'vek', 'tal', 'sur', 'mar', 'zen', 'hol', 'den'];
const months = /(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+$/;
const ordinals = ['first', 'second', 'third', 'fourth'];
const zhOrdinals = ['一', '二', '三', '四'];
// An amount: not glued to a word (S21, Q3, 10-K), not a time (4:30), not a part of a date.
const amount = /(?<![\p{L}\p{N}_.,:/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\p{Lu}\p{Ll}\d_:/]|[.,]\d|-[A-Za-z])/gu;

function capitalised(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function withCase(word: string, like: string): string {
  return like[0] === like[0].toUpperCase() ? capitalised(word) : word;
}

function scaled(integer: string, fraction: string | undefined, factor: number): string {
  const grouped = integer.includes(',');
  const value = Number(integer.replace(/,/g, '') + (fraction ?? ''));
  const decimals = fraction ? fraction.length - 1 : 0;
  let text = (value * factor).toFixed(decimals);
  if (Number(text) === 0 && value !== 0) return integer + (fraction ?? '');
  if (grouped) {
    const [whole, part] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+$)/g, ',') + (part ? `.${part}` : '');
  }
  return text;
}

/**
 * One synthetic transcript: the template with the company's name and ticker, the `call`-th call
 * of the company (a quarter after the one before, the first in 2019 Q1) and amounts scaled.
 */
export function variant(template: Template, company: Company, call: number, index: number, kb = 0): { fileName: string; text: string } {
  const rng = random(seed + index * 7919);
  const { brand, ticker } = company;
  const target = 2019 * 4 + call; // quarters since year 0
  const templateQuarters = template.year * 4 + template.quarter - 1;
  const yearShift = Math.floor(target / 4) - template.year;
  const quarterShift = (((target - templateQuarters) % 4) + 4) % 4;
  const factor = 0.6 + rng() * 0.9;
  const quarter = (q: number) => ((q - 1 + quarterShift) % 4) + 1;

  const retold = (source: string, factor: number) => scaledAmounts(renamed(source), factor);
  const renamed = (source: string) => source
    .replace(new RegExp(`\\b${template.brand}\\b`, 'g'), brand)
    .replace(new RegExp(`\\b${template.ticker}\\b`, 'g'), ticker)
    .replace(/\bQ([1-4])\b/g, (_, q: string) => `Q${quarter(Number(q))}`)
    .replace(/\b(first|second|third|fourth)(?=[- ]quarter)/gi, (word: string) => withCase(ordinals[quarter(ordinals.indexOf(word.toLowerCase()) + 1) - 1], word))
    .replace(/第([一二三四])季/g, (_, q: string) => `第${zhOrdinals[quarter(zhOrdinals.indexOf(q) + 1) - 1]}季`);
  const scaledAmounts = (source: string, by: number) =>
    source.replace(amount, (match: string, integer: string, fraction: string | undefined, offset: number, whole: string) => {
      if (!fraction && /^(?:19|20)\d\d$/.test(integer)) return String(Number(integer) + yearShift);
      if (months.test(whole.slice(Math.max(0, offset - 12), offset))) return match; // a day of the month
      return scaled(integer, fraction, by);
    });
  let text = retold(template.text, factor);
  if (kb > 0 && Buffer.byteLength(text) < kb * 1000) {
    const lines = template.text.split('\n');
    const blankFrom = (at: number) => {
      const i = lines.findIndex((l, n) => n >= at && l.trim() === '');
      return i < 0 ? at : i;
    };
    const from = blankFrom(Math.floor(lines.length * 0.3));
    const to = Math.max(from + 1, blankFrom(Math.floor(lines.length * 0.85)));
    const opening = lines.slice(0, to).join('\n');
    const middle = lines.slice(from, to).join('\n');
    const closing = lines.slice(to).join('\n');
    const parts = [retold(opening, factor)];
    let bytes = Buffer.byteLength(text);
    while (bytes < kb * 1000) {
      const part = retold(middle, 0.6 + rng() * 0.9);
      parts.push(part);
      bytes += Buffer.byteLength(part) + 1;
    }
    parts.push(retold(closing, factor));
    text = parts.join('\n');
  }

  const named = /^([A-Z][A-Z0-9.]*)-(\d{4})Q([1-4])(.*)$/.exec(template.fileName);
  const fileName = named
    ? `${ticker}-${Number(named[2]) + yearShift}Q${quarter(Number(named[3]))}${named[4]}`
    : `${path.parse(template.fileName).name}-${String(index).padStart(5, '0')}${path.extname(template.fileName)}`;
  return { fileName, text };
}

export function generateCorpus(docs: number, out = defaultCorpus, kb = 0): { files: number; bytes: number } {
  const templates = readdirSync(samples)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => templateOf(f, readFileSync(path.join(samples, f), 'utf8')));
  rmSync(out, { recursive: true, force: true });
  const pool = companies();
  let bytes = 0;
  for (let i = 0; i < docs; i++) {
    const c = i % pool.length;
    const { fileName, text } = variant(templates[c % templates.length], pool[c], Math.floor(i / pool.length), i, kb);
    // 100 files a folder, so the build reads the input recursively as it does a real corpus.
    const folder = path.join(out, String(Math.floor(i / 100)).padStart(3, '0'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, fileName), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: docs, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const docs = Number(option('--docs') ?? process.env.BENCH_DOCS ?? 2000);
  if (!Number.isInteger(docs) || docs < 1) throw new Error(`bench/generate: expected a whole number of documents, found ${docs}`);
  const kb = Number(option('--kb') ?? process.env.BENCH_DOC_KB ?? 0);
  if (!(kb >= 0)) throw new Error(`bench/generate: expected a size in KB, found ${kb}`);
  const out = path.resolve(option('--out') ?? defaultCorpus);
  const { files, bytes } = generateCorpus(docs, out, kb);
  console.log(`bench/generate: ${files} transcripts, ${(bytes / 1e6).toFixed(1)} MB, in ${path.relative(process.cwd(), out) || '.'}`);
}
