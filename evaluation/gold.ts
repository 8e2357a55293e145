import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GoldFact } from './score.ts';

/**
 * Reads the gold annotations: each row's span is found from its anchor, a substring of the
 * transcript that occurs once, so the annotation survives edits elsewhere in the file. Spans are
 * in code points of the decoded text, as the facts table's are.
 */
export function readGold(goldCsv: string, transcripts: string): GoldFact[] {
  const rows: Record<string, string>[] = parse(readFileSync(goldCsv, 'utf8'), { columns: true, bom: true });
  const texts = new Map<string, string>();
  return rows.map((r, i) => {
    let text = texts.get(r.source_path);
    if (text === undefined) {
      text = readFileSync(path.join(transcripts, r.source_path), 'utf8').replace(/^\uFEFF/, '');
      texts.set(r.source_path, text);
    }
    const anchorAt = text.indexOf(r.anchor);
    const quoteAt = r.anchor.indexOf(r.quote);
    if (anchorAt < 0 || quoteAt < 0 || text.indexOf(r.anchor, anchorAt + 1) >= 0) {
      throw new Error(`${goldCsv} row ${i + 2}: anchor "${r.anchor}" must occur once in ${r.source_path} and contain "${r.quote}"`);
    }
    const start = [...text.slice(0, anchorAt + quoteAt)].length;
    return {
      source_path: r.source_path,
      metric: r.metric,
      value: Number(r.value),
      value_high: r.value_high === '' ? null : Number(r.value_high),
      unit: r.unit,
      period: r.period,
      basis: r.basis,
      change_kind: r.change_kind || null,
      start,
      end: start + [...r.quote].length,
      quote: r.quote,
    };
  });
}
