/**
 * Time per document as one document grows from 1 MB to 50 MB: processTranscript on a synthetic
 * call whose prepared remarks are the test paragraphs (test/call-paragraphs.ts) said again and
 * again, so every KPI key holds thousands of statements of a few figures, the case the checks
 * used to be cubic in. Then one paragraph that long, which bounds the sentence and fact stages.
 * Not part of `make test`; prints a table and writes it into BENCHMARKS.md between its markers.
 *
 *   npx tsx bench/long-documents.ts            (sizes in MB: BENCH_SIZES=1,2,5,10,20,50)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processTranscript } from '../pipeline/process-transcript.ts';
import { callParagraphs, longParagraph, transcriptOf } from '../test/call-paragraphs.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sizes = (process.env.BENCH_SIZES ?? '1,2,5,10,20,50').split(',').map(Number);
const paragraphSizes = (process.env.BENCH_PARAGRAPH_SIZES ?? '0.25,0.5,1,2').split(',').map(Number);

interface Measured {
  shape: string;
  mb: number;
  ms: number;
  /** user + system CPU of the process: on a shared machine, the time the work itself took */
  cpuMs: number;
  heapMb: number;
  facts: number;
  issues: number;
  skipped: boolean;
}

function measure(shape: string, text: string): Measured {
  const bytes = new TextEncoder().encode(text);
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const rows = processTranscript('ZQMN-2025Q2.wire.txt', bytes);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  const skipped = rows.ingest_errors.some((e) => e.problem === 'over_budget');
  const result = { shape, mb: bytes.length / 1e6, ms, cpuMs, heapMb, facts: rows.facts.length, issues: rows.validation_issues.length, skipped };
  console.log(
    `${shape} ${result.mb.toFixed(2)} MB: ${Math.round(ms)} ms wall, ${Math.round(cpuMs)} ms CPU (${Math.round(cpuMs / result.mb)} ms CPU/MB), ` +
      `heap ${Math.round(heapMb)} MB, ${result.facts} facts, ${result.issues} issues${skipped ? ', over budget' : ''}`,
  );
  return result;
}

/** Paragraphs of the test call, in turn, until the prepared remarks are `mb` megabytes. */
function manyParagraphs(mb: number): string {
  const body: string[] = [];
  for (let size = 0, i = 0; size < mb * 1e6; i++) {
    const paragraph = callParagraphs[i % callParagraphs.length];
    body.push(paragraph);
    size += paragraph.length + 2;
  }
  return transcriptOf(body);
}

const loadAtStart = os.loadavg()[0];
const results: Measured[] = [];
measure('warm-up', manyParagraphs(0.2));
for (const mb of sizes) results.push(measure('paragraphs', manyParagraphs(mb)));
for (const mb of paragraphSizes) results.push(measure('one paragraph', transcriptOf([longParagraph(mb * 1e6)])));

function n(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

const cpuModel = os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'unknown CPU';
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpuModel}, ${os.availableParallelism()} cores, Node ${process.version}; load average ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end. Each document is processed alone in one thread.`,
  '',
  '| document | size | wall | CPU | CPU per MB | heap after | facts | validation issues |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.shape} | ${r.mb.toFixed(2)} MB | ${n(r.ms)} ms${r.skipped ? ' (over budget, skipped)' : ''} | ${n(r.cpuMs)} ms | ${n(r.cpuMs / r.mb)} ms | ${n(r.heapMb)} MB | ${n(r.facts)} | ${n(r.issues)} |`,
  ),
];
const file = path.join(repoRoot, 'BENCHMARKS.md');
const start = '<!-- bench:long-documents -->';
const end = '<!-- /bench:long-documents -->';
const text = readFileSync(file, 'utf8');
if (text.includes(start) && text.includes(end)) {
  writeFileSync(file, text.slice(0, text.indexOf(start) + start.length) + '\n' + lines.join('\n') + '\n' + text.slice(text.indexOf(end)));
  console.log(`BENCHMARKS.md: the long-documents table rewritten`);
} else console.log(lines.join('\n'));
