import type { Layout, LayoutBlock, TranscriptFormat } from '../layout.ts';
import { trimmedSpan, type SourceLine } from '../source-text.ts';
import { isOperator, splitNameTitle } from './speaker-lines.ts';

const titlePattern = /^.+\([^)]+\)\s*\d{4}\s*Q[1-4]\s*法說會逐字稿/;
const bullet = /^\s*•\s?/;

/** statementdog.com's bilingual pages: English bullets, each followed by its Chinese translation. */
export const statementdog: TranscriptFormat = {
  id: 'statementdog',
  description: 'statementdog bilingual English/Chinese transcript (完整原文 with • English lines and indented Chinese lines)',
  detect(_text, lines) {
    const head = lines.slice(0, 5).map((l) => l.text.trim());
    const hasFullText = lines.some((l) => l.text.trim() === '完整原文');
    return hasFullText && (head.some((t) => titlePattern.test(t)) || lines.some((l) => bullet.test(l.text)));
  },
  parse(_text, lines) {
    const blocks: LayoutBlock[] = [];
    const firstLine = lines.find((l) => l.text.trim());
    const fullText = lines.findIndex((l) => l.text.trim() === '完整原文');
    const summary = lines.findIndex((l) => l.text.trim() === '內容摘要' || l.text.trim() === '内容摘要');
    if (summary >= 0 && summary < fullText) {
      blocks.push({ kind: 'section', section: 'summary' });
      for (const line of lines.slice(summary + 1, fullText)) {
        const zh = trimmedSpan(line);
        if (zh) blocks.push({ kind: 'paragraph', en: null, zh });
      }
    }
    blocks.push({ kind: 'section', section: 'prepared_remarks' });
    for (let i = fullText + 1; i < lines.length; i++) {
      const line = lines[i];
      const m = bullet.exec(line.text);
      if (!m) continue; // the translation warning, stray lines: not content
      const en = trimmedSpan(line, m[0].length);
      if (!en) continue;
      const zhLine = nextTranslation(lines, i + 1);
      const zh = zhLine ? trimmedSpan(zhLine) : null;
      if (zhLine) i = zhLine.number;
      const english = line.text.slice(en.start - line.start, en.end - line.start);
      const chinese = zhLine && zh ? zhLine.text.slice(zh.start - zhLine.start, zh.end - zhLine.start) : null;
      const turn = speakerBlock(english, chinese);
      blocks.push(turn ?? { kind: 'paragraph', en, zh });
    }
    return { titleLine: firstLine?.text.trim() ?? null, participants: [], blocks, hasQaHeading: false } satisfies Layout;
  },
};

/** The translation is the next non-blank line, provided it is not itself an English bullet. */
function nextTranslation(lines: SourceLine[], from: number): SourceLine | null {
  for (let j = from; j < lines.length; j++) {
    if (!lines[j].text.trim()) continue;
    return bullet.test(lines[j].text) ? null : lines[j];
  }
  return null;
}

/** A speaker change is `Name - Title` or `Operator`, repeated untranslated on the Chinese line. */
function speakerBlock(english: string, chinese: string | null): LayoutBlock | null {
  if (chinese !== null && chinese !== english) return null;
  if (isOperator(english)) return { kind: 'turn', name: 'Operator', title: null };
  const entry = splitNameTitle(english);
  return entry ? { kind: 'turn', name: entry.name, title: entry.title } : null;
}
