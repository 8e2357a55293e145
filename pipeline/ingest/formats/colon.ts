import type { Layout, LayoutBlock, TranscriptFormat } from '../layout.ts';
import { trimmedSpan } from '../source-text.ts';
import { colonTurn, gluedTitleLength, isOperator, looksLikeName } from './speaker-lines.ts';

/** A speaker's name alone on its line, as recorders write it: `Jane Roe:`, `Jane Roe (00:12:41):`. */
const nameLine = /^([A-Z][A-Za-z'’.&\-]*(?: [A-Za-z'’.&\-]+){0,4})(?: \((?:\d{1,2}:)?\d{1,2}:\d{2}\))?:?\s*$/;

function turnOf(line: string): RegExpExecArray | null {
  const m = colonTurn.exec(line) ?? (/[:)]\s*$/.test(line) ? nameLine.exec(line) : null);
  if (m && m[2] === undefined) m[2] = '';
  return m && (isOperator(m[1]) || looksLikeName(m[1])) ? m : null;
}

/** One turn per line, `Name: text`, the text sometimes opening with the speaker's title. */
export const colon: TranscriptFormat = {
  id: 'colon',
  description: '`Name: text` turns, one per line, as copied from web pages and translation tools, or `Name:` / `Name (00:12:41):` lines before the paragraphs',
  detect: (_text, lines) => lines.filter((l) => turnOf(l.text)).length >= 3,
  parse(_text, lines) {
    const blocks: LayoutBlock[] = [{ kind: 'section', section: 'prepared_remarks' }];
    const firstTurn = lines.findIndex((l) => turnOf(l.text));
    const titles = new Map<string, string | null>();
    for (const line of lines.slice(Math.max(firstTurn, 0))) {
      const m = turnOf(line.text);
      if (!m) {
        const en = trimmedSpan(line);
        if (en) blocks.push({ kind: 'paragraph', en, zh: null });
        continue;
      }
      const name = isOperator(m[1]) ? 'Operator' : m[1];
      const bodyStart = line.text.length - m[2].length;
      const titleLength = gluedTitleLength(m[2], [titles.get(name) ?? null]);
      const title = m[2].slice(0, titleLength).trim() || titles.get(name) || null;
      if (title) titles.set(name, title);
      blocks.push({ kind: 'turn', name, title });
      const en = trimmedSpan(line, bodyStart + titleLength);
      if (en) blocks.push({ kind: 'paragraph', en, zh: null });
    }
    const titleLine = firstTurn > 0 ? lines.slice(0, firstTurn).find((l) => l.text.trim())?.text.trim() ?? null : null;
    return { titleLine, participants: [], blocks, hasQaHeading: false } satisfies Layout;
  },
};
