/**
 * Shows, sentence by sentence, the quantities found and the facts made of them: the tool for
 * tuning cue phrases. Usage: npx tsx scripts/explain.ts FILE [text-filter]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { processTranscript } from '../pipeline/process-transcript.ts';

const [file, filter] = process.argv.slice(2);
const rows = processTranscript(path.basename(file), readFileSync(file));
const factsAt = new Map(rows.facts.map((f) => [f.char_start, f]));
for (const s of rows.sentences) {
  if (filter && !s.text.toLowerCase().includes(filter.toLowerCase())) continue;
  const inside = rows.mentions.filter((m) => m.language === 'en' && m.char_start >= s.char_start && m.char_end <= s.char_end);
  if (!inside.length) continue;
  const speaker = rows.paragraphs.find((p) => p.paragraph_index === s.paragraph_index)?.speaker;
  console.log(`\n[${s.paragraph_index}.${s.sentence_index} ${speaker}] ${s.text}`);
  for (const m of inside) {
    const f = factsAt.get(m.char_start);
    const fact = f ? `→ ${f.metric} ${f.value}${f.value_high !== null ? '..' + f.value_high : ''} ${f.unit} ${f.period} ${f.basis} ${f.change_kind ?? ''} ${f.entity ?? ''}` : '';
    console.log(`   "${m.surface}" = ${m.value}${m.value_high !== null ? '..' + m.value_high : ''} ${m.unit} (${m.dimension}${m.flags ? ' ' + m.flags : ''}) ${fact}`);
  }
}
