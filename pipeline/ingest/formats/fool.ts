import type { Layout, LayoutBlock, Participant, TranscriptFormat } from '../layout.ts';
import { trimmedSpan } from '../source-text.ts';
import { isOperator, splitNameTitle } from './speaker-lines.ts';

const preparedHeading = /^prepared remarks:$/i;
const qaHeading = /^questions (and|&) answers:$/i;
const participantsHeading = /^call participants:$/i;
const foolDash = /\s+--\s+/;

/** The Motley Fool layout: `Prepared Remarks:`, turns opened by `Name -- Title`, `Questions and Answers:`. */
export const fool: TranscriptFormat = {
  id: 'fool',
  description: 'Motley Fool layout: Prepared Remarks: and Questions and Answers: headings, turns opened by `Name -- Title` lines',
  detect: (_text, lines) => lines.some((l) => preparedHeading.test(l.text.trim())) && lines.some((l) => foolDash.test(l.text)),
  parse(_text, lines) {
    const blocks: LayoutBlock[] = [];
    const participants: Participant[] = [];
    let hasQaHeading = false;
    let state: 'header' | 'content' | 'participants' = 'header';
    const titleLine = lines.find((l) => l.text.trim())?.text.trim() ?? null;
    for (const line of lines) {
      const t = line.text.trim();
      if (!t) continue;
      if (preparedHeading.test(t)) {
        state = 'content';
        blocks.push({ kind: 'section', section: 'prepared_remarks' });
      } else if (qaHeading.test(t)) {
        state = 'content';
        hasQaHeading = true;
        blocks.push({ kind: 'section', section: 'qa' });
      } else if (participantsHeading.test(t)) {
        state = 'participants';
      } else if (state === 'participants') {
        const entry = splitNameTitle(t, foolDash);
        if (entry) participants.push({ name: entry.name, title: entry.title, group: /analyst/i.test(entry.title) ? 'conference' : 'company' });
      } else if (state === 'content') {
        const turn = isOperator(t) ? { name: 'Operator', title: null } : t.length <= 160 ? splitNameTitle(t, foolDash) : null;
        if (turn) blocks.push({ kind: 'turn', name: turn.name, title: turn.title });
        else {
          const en = trimmedSpan(line);
          if (en) blocks.push({ kind: 'paragraph', en, zh: null });
        }
      }
    }
    return { titleLine, participants, blocks, hasQaHeading } satisfies Layout;
  },
};
