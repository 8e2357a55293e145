/** A line of the decoded source: its text without the line break, and where it stands. */
export interface SourceLine {
  /** 0-based line number */
  number: number;
  text: string;
  /** UTF-16 offset of the first character in the decoded text */
  start: number;
  /** UTF-16 offset just past the last character, before the line break */
  end: number;
}

/** Splits on LF, CRLF or a lone CR, keeping exact offsets so spans stay true on mixed line endings. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  let number = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({ number: number++, text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ number, text: text.slice(start), start, end: text.length });
  return lines;
}

/** A span in UTF-16 offsets of the decoded text. */
export interface Span {
  start: number;
  end: number;
}

/** The span of `line` without leading and trailing white space, after dropping `skip` leading characters. */
export function trimmedSpan(line: SourceLine, skip = 0): Span | null {
  const body = line.text.slice(skip);
  const lead = body.length - body.trimStart().length;
  const trimmed = body.trim();
  if (!trimmed) return null;
  const start = line.start + skip + lead;
  return { start, end: start + trimmed.length };
}

/**
 * Converts UTF-16 offsets (what JavaScript strings index by) into Unicode code points (what the
 * output tables promise). Texts without astral characters, nearly all transcripts, map 1:1.
 */
export class CodePointIndex {
  private readonly surrogatesBefore: Uint32Array | null;

  constructor(text: string) {
    if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
      this.surrogatesBefore = null;
      return;
    }
    const counts = new Uint32Array(text.length + 1);
    let seen = 0;
    for (let i = 0; i < text.length; i++) {
      counts[i] = seen;
      const code = text.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
        const prev = text.charCodeAt(i - 1);
        if (prev >= 0xd800 && prev <= 0xdbff) seen++;
      }
    }
    counts[text.length] = seen;
    this.surrogatesBefore = counts;
  }

  toCodePoint(utf16Offset: number): number {
    if (!this.surrogatesBefore) return utf16Offset;
    return utf16Offset - this.surrogatesBefore[utf16Offset];
  }
}
