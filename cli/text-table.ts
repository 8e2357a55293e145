/** Characters a terminal draws two columns wide (CJK, Hangul, full-width forms). */
const wide = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += wide.test(ch) ? 2 : 1;
  return width;
}

function truncate(s: string, maxWidth: number): string {
  if (maxWidth <= 0 || displayWidth(s) <= maxWidth) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > maxWidth - 1) break;
    out += ch;
  }
  return out + '…';
}

export interface TextTableOptions {
  /** columns whose cells are right-aligned (numbers) */
  rightAligned?: ReadonlySet<number>;
  /** a longer cell is cut with …; 0 keeps every cell whole */
  maxCellWidth?: number;
}

/**
 * Rows as an aligned plain-text table: a header, a rule, one line per row; a cell's line breaks
 * become spaces so a row stays one line.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], options: TextTableOptions = {}): string {
  const clean = (s: string) => truncate(s.replace(/[\r\n\t]+/g, ' '), options.maxCellWidth ?? 0);
  const cells = [header.map(clean), ...rows.map((r) => r.map(clean))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(widths[i] - displayWidth(s));
    return options.rightAligned?.has(i) ? gap + s : s + gap;
  };
  const line = (r: readonly string[]) => r.map((s, i) => pad(s ?? '', i)).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
