/**
 * `make bench`: at each corpus size (BENCH_SIZES calls, default 250 and 1,000, each BENCH_DOC_KB
 * KB, default 82: Canaan's calls) the floor (reading the files and scanning them for digits), the
 * build cold, again without a change (the cache's case) and again with one file changed, each in
 * its own process so peak RSS is the phase's own. At the first size (unless BENCH_DETAIL=0) also
 * the build with jobs=1 (byte for byte against the cold one) and the stages on their own:
 * processFiles cold and warm, jobs=N and jobs=1, and the one-file rebuild against a cold build of
 * the same files, byte for byte; each build reports its steps. Writes bench/results.json and
 * the results tables of BENCHMARKS.md.
 *
 *   npx tsx bench/run.ts        (BENCH_JOBS workers, default all cores; BENCH_DOCS=N is BENCH_SIZES=N)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { defaultCorpus, generateCorpus } from './generate.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const work = path.join(benchDir, 'out');
const sizes = (process.env.BENCH_SIZES ?? process.env.BENCH_DOCS ?? '250,1000').split(',').map(Number);
if (!sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`bench/run: BENCH_SIZES must be whole numbers of calls, found ${sizes.join(',')}`);
const docKb = Number(process.env.BENCH_DOC_KB ?? 82);
const detail = process.env.BENCH_DETAIL !== '0';
const jobs = Number(process.env.BENCH_JOBS ?? os.availableParallelism());
/** the corpus a phase reads: the run's, passed to each child */
const corpusDir = () => process.env.BENCH_CORPUS ?? defaultCorpus;

interface PhaseResult {
  /** the phase's own time, measured in the child (without node's start-up) */
  wallMs: number;
  processWallMs: number;
  /** user + system CPU of every thread of the process: workers are threads, so theirs is in it */
  cpuMs: number;
  /** peak RSS of the child process, workers included (they are threads of it) */
  maxRssMb: number;
  loadBefore: number;
  [key: string]: unknown;
}

// ---- phases: each runs in a child process and prints its result as JSON --------------------

const phases: Record<string, () => Promise<Record<string, unknown>>> = {
  /** The build as a user runs it. */
  async build() {
    const { buildDataset } = await import('../pipeline/run.ts');
    const out = process.env.BENCH_OUT!;
    const steps: Record<string, number> = {};
    const maxRssMbAfter: Record<string, number> = {};
    const summary = await buildDataset({
      input: corpusDir(),
      out,
      jobs: Number(process.env.BENCH_PHASE_JOBS),
      strict: false,
      onStep: (step, ms) => {
        steps[step] = ms;
        maxRssMbAfter[step] = Math.round(process.resourceUsage().maxRSS / 1024);
      },
    });
    return { rows: summary.rows, documents: summary.documents, unchanged: summary.unchanged === true, cacheWritten: existsSync(path.join(out, 'cache')), steps, maxRssMbAfter };
  },

  /** The floor: every file read and scanned for digits, the least any build must do. */
  async floor() {
    const { listTranscriptFiles } = await import('../pipeline/ingest/read-folder.ts');
    const files = await listTranscriptFiles(corpusDir());
    let bytes = 0;
    let digits = 0;
    for (const file of files) {
      const data = readFileSync(path.join(corpusDir(), file));
      bytes += data.length;
      for (let i = 0; i < data.length; i++) if (data[i] >= 0x30 && data[i] <= 0x39) digits++;
    }
    return { files: files.length, bytes, digits };
  },

  /** processFiles alone: cold with jobs=N and jobs=1 (same rows?), then warm from the cache. */
  async process() {
    const { listTranscriptFiles } = await import('../pipeline/ingest/read-folder.ts');
    const { processFiles } = await import('../pipeline/parallel/process-files.ts');
    const files = await listTranscriptFiles(corpusDir());
    const cacheA = path.join(work, 'cache-a');
    const cacheB = path.join(work, 'cache-b');
    rmSync(cacheA, { recursive: true, force: true });
    rmSync(cacheB, { recursive: true, force: true });
    const timed = async <T>(run: () => Promise<T>) => {
      const cpu = process.cpuUsage();
      const t = performance.now();
      const result = await run();
      const used = process.cpuUsage(cpu);
      return { result, wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
    };
    // as a build runs it: each document encoded as the dataset writes it
    const output = 'encoded' as const;
    const parallel = await timed(() => processFiles({ output, input: corpusDir(), files, jobs, cacheFrom: null, cacheTo: cacheA }));
    const warm = await timed(() => processFiles({ output, input: corpusDir(), files, jobs, cacheFrom: cacheA, cacheTo: cacheB }));
    const serial = await timed(() => processFiles({ output, input: corpusDir(), files, jobs: 1, cacheFrom: null, cacheTo: null }));
    const { unchangedSinceLastBuild } = await import('../pipeline/parallel/unchanged.ts');
    const { cacheVersion } = await import('../pipeline/parallel/process-files.ts');
    const { pipelineVersion } = await import('../pipeline/version.ts');
    const unchanged = await timed(async () => unchangedSinceLastBuild({ input: corpusDir(), files, cacheFrom: cacheA, pipelineVersion: cacheVersion(pipelineVersion, output) }));
    const packBytes = statSync(path.join(cacheA, readdirSync(cacheA)[0], 'rows.v8')).size;
    return {
      files: files.length,
      cold: { jobs, wallMs: parallel.wallMs, cpuMs: parallel.cpuMs, stageTimes: parallel.result.stageTimes },
      warm: { jobs, wallMs: warm.wallMs, cpuMs: warm.cpuMs, cacheHits: warm.result.cacheHits, stageTimes: warm.result.stageTimes },
      serial: { jobs: 1, wallMs: serial.wallMs, cpuMs: serial.cpuMs, stageTimes: serial.result.stageTimes },
      unchangedCheck: { wallMs: unchanged.wallMs, unchanged: unchanged.result },
      sameRowsJobs1: isDeepStrictEqual(parallel.result.rows, serial.result.rows),
      sameRowsWarm: isDeepStrictEqual(parallel.result.rows, warm.result.rows),
      cachePackMb: packBytes / 1e6,
    };
  },
};

/** Runs a phase in a fresh process: its own JIT warm-up, its own peak RSS. */
function inChild(name: string, env: Record<string, string> = {}): PhaseResult {
  // the phase before's writes flushed to the disk first, so that no phase pays for another's
  spawnSync('sync');
  const loadBefore = os.loadavg()[0];
  const started = performance.now();
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--phase', name], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - started;
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH-RESULT '));
  if (child.status !== 0 || !line) throw new Error(`bench/run: phase ${name} failed (status ${child.status}):\n${child.stderr}`);
  const { __usage, ...result } = JSON.parse(line.slice('BENCH-RESULT '.length)) as { __usage: { cpuMs: number; maxRssMb: number; wallMs: number } };
  return { ...result, wallMs: __usage.wallMs, processWallMs: wallMs, cpuMs: __usage.cpuMs, maxRssMb: __usage.maxRssMb, loadBefore };
}

// ---- comparison and report -----------------------------------------------------------------

function digests(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const sub of ['csv', 'arrow']) {
    const folder = path.join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const f of readdirSync(folder).sort()) found.set(`${sub}/${f}`, createHash('sha256').update(readFileSync(path.join(folder, f))).digest('hex'));
  }
  return found;
}

function sameFiles(a: string, b: string): { identical: boolean; compared: number; differing: string[] } {
  const da = digests(a);
  const db = digests(b);
  const names = [...new Set([...da.keys(), ...db.keys()])].sort();
  const differing = names.filter((n) => da.get(n) !== db.get(n));
  return { identical: names.length > 0 && differing.length === 0, compared: names.length, differing };
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

/** The corpus of `docs` calls in bench/corpus, generated unless it is there already; its size in bytes. */
function corpusOf(docs: number): number {
  const stamp = `${corpusDir()}.stamp`;
  const wanted = `${docs} calls of ${docKb} KB`;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
    generateCorpus(docs, corpusDir(), docKb);
    writeFileSync(stamp, wanted);
  }
  return readdirSync(corpusDir(), { recursive: true })
    .map((f) => path.join(corpusDir(), String(f)))
    .filter((f) => f.endsWith('.txt'))
    .reduce((n, f) => n + statSync(f).size, 0);
}

interface ScaleRow {
  documents: number;
  megabytes: number;
  floor: { wallMs: number; mbPerSecond: number; maxRssMb: number };
  cold: ReturnType<typeof summarise>;
  noChange: ReturnType<typeof summarise>;
  oneFileChanged: ReturnType<typeof summarise>;
}

/**
 * Floor, cold build, no-change rebuild and one-file rebuild of `docs` calls, each in its own
 * process; `afterCold` runs after the cold build, `whileEdited` after the one-file rebuild, before
 * the edited call is put back.
 */
function scaleRun(docs: number, out: string, log: (s: string) => void, afterCold?: () => void, whileEdited?: () => void): ScaleRow {
  const mb = corpusOf(docs) / 1e6;
  rmSync(out, { recursive: true, force: true });
  log(`${docs} documents, ${mb.toFixed(1)} MB, jobs=${jobs}`);
  const floor = inChild('floor');
  log(`floor ${round(floor.wallMs)} ms`);
  const build = { BENCH_OUT: out, BENCH_PHASE_JOBS: String(jobs) };
  const cold = inChild('build', build);
  log(`cold build ${round(cold.wallMs)} ms, peak RSS ${cold.maxRssMb} MB`);
  const noChange = inChild('build', build);
  log(`no-change rebuild ${round(noChange.wallMs)} ms${noChange.unchanged ? ' (dataset kept)' : ' (NOT recognised as unchanged)'}`);
  afterCold?.();
  // one call edited: a line added at its end, so it is read again and every table written again
  const first = readdirSync(corpusDir(), { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort()[0];
  const edited = path.join(corpusDir(), first);
  const original = readFileSync(edited);
  appendFileSync(edited, '\nOperator: Thank you. This concludes the call.\n');
  let oneFileChanged: PhaseResult;
  try {
    oneFileChanged = inChild('build', build);
    whileEdited?.();
  } finally {
    writeFileSync(edited, original);
  }
  log(`one-file rebuild ${round(oneFileChanged.wallMs)} ms`);
  return {
    documents: docs,
    megabytes: round(mb, 2),
    floor: { wallMs: round(floor.wallMs), mbPerSecond: round(mb / (floor.wallMs / 1000), 1), maxRssMb: floor.maxRssMb },
    cold: summarise(cold, mb, docs),
    noChange: summarise(noChange, mb, docs),
    oneFileChanged: summarise(oneFileChanged, mb, docs),
  };
}

/** A build's steps (BuildOptions.onStep) and peak RSS after each. */
function stepsOf(phase: PhaseResult): { steps: Record<string, number>; maxRssMbAfter: Record<string, number> } {
  return { steps: (phase.steps as Record<string, number>) ?? {}, maxRssMbAfter: (phase.maxRssMbAfter as Record<string, number>) ?? {} };
}

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const parallelOut = path.join(work, 'parallel');
  const serialOut = path.join(work, 'serial');
  const log = (s: string) => console.error(`bench: ${s}`);
  const loadAtStart = os.loadavg()[0];

  // the largest size first would leave the smaller corpus to generate again for the detail: smallest first
  const ordered = [...sizes].sort((x, y) => x - y);
  const scale: ScaleRow[] = [];
  let detailed = null as ReturnType<typeof detailRun> | null;
  let incremental = null as ReturnType<typeof sameFiles> | null;
  for (const docs of ordered) {
    // the detail compares jobs=1 with the cold build, before a file is changed, and the one-file rebuild with a cold build of the edited corpus
    const first = detail && docs === ordered[0];
    const afterCold = first ? () => (detailed = detailRun(docs, corpusOf(docs) / 1e6, parallelOut, serialOut, log)) : undefined;
    const whileEdited = first
      ? () => {
          inChild('build', { BENCH_OUT: serialOut, BENCH_PHASE_JOBS: String(jobs) });
          incremental = sameFiles(parallelOut, serialOut);
          rmSync(serialOut, { recursive: true, force: true });
          log(`one-file rebuild against a cold build of the same files: ${incremental.compared} files, ${incremental.differing.length} differ`);
        }
      : undefined;
    scale.push(scaleRun(docs, parallelOut, log, afterCold, whileEdited));
  }
  const targets = [
    ...sizeTargets(scale),
    ...(detailed ? [jobs1Target(detailed.build.jobs1ByteIdentical)] : []),
    ...(incremental ? [incrementalTarget(incremental)] : []),
  ];
  const report = {
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.availableParallelism(),
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      date: new Date().toISOString(),
      loadAverageAtStart: round(loadAtStart, 2),
      loadAverageAtEnd: round(os.loadavg()[0], 2),
    },
    corpus: { sizes: ordered, kbPerCall: docKb, jobs },
    scale,
    ...(detailed ?? {}),
    targets,
  };
  writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify(report, null, 2) + '\n');
  writeBenchmarksTable(report);
  for (const t of targets) log(`${t.met ? 'met    ' : 'NOT MET'} ${t.target}: ${t.measured}`);
  rmSync(work, { recursive: true, force: true });
}

/** Issue 16's targets that depend on the size: throughput and the one-file rebuild at 1,000 calls (else the largest size), memory at every size. */
function sizeTargets(scale: readonly ScaleRow[]) {
  const at = scale.find((r) => r.documents === 1000) ?? scale[scale.length - 1];
  const peak = Math.max(...scale.flatMap((r) => [r.cold.maxRssMb, r.noChange.maxRssMb, r.oneFileChanged.maxRssMb]));
  const calls = (r: ScaleRow) => r.documents.toLocaleString('en-US');
  return [
    { target: `cold build of ${calls(at)} calls ≥ 5 MB/s`, measured: `${at.cold.mbPerSecond} MB/s`, met: at.cold.mbPerSecond >= 5 },
    { target: `peak RSS < 1.5 GB at every size (${scale.map(calls).join(', ')} calls)`, measured: `${peak} MB`, met: peak < 1536 },
    { target: `one changed file of ${calls(at)} rebuilt < 10 s`, measured: `${at.oneFileChanged.wallMs.toLocaleString('en-US')} ms`, met: at.oneFileChanged.wallMs < 10_000 },
    { target: `no-change rebuild of ${calls(at)} calls < 2 s`, measured: `${at.noChange.wallMs.toLocaleString('en-US')} ms`, met: at.noChange.wallMs < 2000 },
  ];
}

function jobs1Target(identical: { identical: boolean; compared: number; differing: string[] }) {
  return { target: 'JOBS=1 byte-identical (csv/, arrow/)', measured: `${identical.compared} files, ${identical.differing.length} differ`, met: identical.identical };
}

function incrementalTarget(identical: { identical: boolean; compared: number; differing: string[] }) {
  return { target: 'one-file rebuild byte-identical to a cold build (csv/, arrow/)', measured: `${identical.compared} files, ${identical.differing.length} differ`, met: identical.identical };
}

/** At one size: the jobs=1 build (compared byte for byte with the cold one) and processFiles on its own. */
function detailRun(docs: number, mb: number, parallelOut: string, serialOut: string, log: (s: string) => void) {
  const serial = inChild('build', { BENCH_OUT: serialOut, BENCH_PHASE_JOBS: '1' });
  log(`jobs=1 build ${round(serial.wallMs)} ms`);
  const identical = sameFiles(parallelOut, serialOut);
  rmSync(serialOut, { recursive: true, force: true });
  const processing = inChild('process');
  log(`processFiles cold ${round((processing.cold as { wallMs: number }).wallMs)} ms`);

  const p = processing as unknown as {
    cold: { wallMs: number; cpuMs: number; stageTimes: Record<string, number> };
    warm: { wallMs: number; cpuMs: number; cacheHits: number; stageTimes: Record<string, number> };
    serial: { wallMs: number; cpuMs: number; stageTimes: Record<string, number> };
    unchangedCheck: { wallMs: number; unchanged: boolean };
    sameRowsJobs1: boolean;
    sameRowsWarm: boolean;
    cachePackMb: number;
  };
  return {
    detail: { documents: docs, megabytes: round(mb, 2) },
    build: {
      jobs1: summarise(serial, mb, docs),
      jobs1ByteIdentical: identical,
    },
    processFiles: {
      cold: { ...p.cold, mbPerSecond: round(mb / (p.cold.wallMs / 1000), 2), documentsPerSecond: round(docs / (p.cold.wallMs / 1000)) },
      jobs1: { ...p.serial, mbPerSecond: round(mb / (p.serial.wallMs / 1000), 2), documentsPerSecond: round(docs / (p.serial.wallMs / 1000)) },
      warm: { ...p.warm, mbPerSecond: round(mb / (p.warm.wallMs / 1000), 2) },
      unchangedCheck: p.unchangedCheck,
      sameRowsJobs1: p.sameRowsJobs1,
      sameRowsWarm: p.sameRowsWarm,
      cachePackMb: round(p.cachePackMb, 1),
      maxRssMb: processing.maxRssMb,
    },
  };
}

function summarise(phase: PhaseResult, mb: number, documents: number) {
  return {
    ...stepsOf(phase),
    wallMs: round(phase.wallMs),
    cpuMs: round(phase.cpuMs),
    maxRssMb: phase.maxRssMb,
    mbPerSecond: round(mb / (phase.wallMs / 1000), 2),
    documentsPerSecond: round(documents / (phase.wallMs / 1000)),
    loadBefore: round(phase.loadBefore, 2),
  };
}

/** Replaces the table between the markers of BENCHMARKS.md; the prose around it is written by hand. */
function writeBenchmarksTable(report: ReturnType<typeof JSON.parse>): void {
  const file = path.join(repoRoot, 'BENCHMARKS.md');
  const start = '<!-- bench:results -->';
  const end = '<!-- /bench:results -->';
  const m = report.machine;
  const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
  const lines = [
    start,
    `Measured ${m.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; load average ${m.loadAverageAtStart} at the start, ${m.loadAverageAtEnd} at the end.`,
    `Corpus: synthetic calls of ${report.corpus.kbPerCall} KB each (bench/generate.ts); jobs=${report.corpus.jobs}. The floor reads every file and scans it for digits.`,
    '',
    '| calls | MB | floor | build, cold | MB/s | CPU | peak RSS | no change | peak RSS | one file changed | peak RSS |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.scale.map(
      (r: ScaleRow) =>
        `| ${r.documents.toLocaleString('en-US')} | ${r.megabytes} | ${ms(r.floor.wallMs)} (${r.floor.mbPerSecond} MB/s) | ${ms(r.cold.wallMs)} | ${r.cold.mbPerSecond} | ${ms(r.cold.cpuMs)} | ${r.cold.maxRssMb} MB | ${ms(r.noChange.wallMs)} | ${r.noChange.maxRssMb} MB | ${ms(r.oneFileChanged.wallMs)} | ${r.oneFileChanged.maxRssMb} MB |`,
    ),
  ];
  if (report.detail) {
    const b = report.build;
    const p = report.processFiles;
    lines.push(
      '',
      `At ${report.detail.documents.toLocaleString('en-US')} calls (${report.detail.megabytes} MB):`,
      '',
      '| run | wall | CPU | MB/s | documents/s | peak RSS |',
      '|---|---:|---:|---:|---:|---:|',
      `| build, jobs=1 | ${ms(b.jobs1.wallMs)} | ${ms(b.jobs1.cpuMs)} | ${b.jobs1.mbPerSecond} | ${b.jobs1.documentsPerSecond} | ${b.jobs1.maxRssMb} MB |`,
      `| processFiles, cold, jobs=${report.corpus.jobs} | ${ms(p.cold.wallMs)} | ${ms(p.cold.cpuMs)} | ${p.cold.mbPerSecond} | ${p.cold.documentsPerSecond} | ${p.maxRssMb} MB (process phase) |`,
      `| processFiles, cold, jobs=1 | ${ms(p.jobs1.wallMs)} | ${ms(p.jobs1.cpuMs)} | ${p.jobs1.mbPerSecond} | ${p.jobs1.documentsPerSecond} | |`,
      `| processFiles, all cached (${p.warm.cacheHits} hits) | ${ms(p.warm.wallMs)} | ${ms(p.warm.cpuMs)} | ${p.warm.mbPerSecond} | | |`,
      `| unchangedSinceLastBuild (${p.unchangedCheck.unchanged ? 'unchanged' : 'changed'}) | ${ms(p.unchangedCheck.wallMs)} | | | | |`,
      '',
      '| stage (summed over workers) | processFiles cold, jobs=N | jobs=1 | all cached |',
      '|---|---:|---:|---:|',
      ...[...new Set([...Object.keys(p.cold.stageTimes), ...Object.keys(p.jobs1.stageTimes), ...Object.keys(p.warm.stageTimes)])].map(
        (s) => `| ${s} | ${p.cold.stageTimes[s] === undefined ? '' : ms(p.cold.stageTimes[s])} | ${p.jobs1.stageTimes[s] === undefined ? '' : ms(p.jobs1.stageTimes[s])} | ${p.warm.stageTimes[s] === undefined ? '' : ms(p.warm.stageTimes[s])} |`,
      ),
      '',
      '| step of the build (BuildOptions.onStep) | cold: time | peak RSS after it | one file changed: time | peak RSS after it |',
      '|---|---:|---:|---:|---:|',
      ...report.scale.flatMap((r: ScaleRow) => [
        `| **${r.documents.toLocaleString('en-US')} calls** | | | | |`,
        ...Object.keys(r.cold.steps).map(
          (step) =>
            `| ${step} | ${ms(r.cold.steps[step])} | ${r.cold.maxRssMbAfter[step]} MB | ${r.oneFileChanged.steps[step] === undefined ? '' : ms(r.oneFileChanged.steps[step])} | ${r.oneFileChanged.maxRssMbAfter[step] ?? ''}${r.oneFileChanged.maxRssMbAfter[step] === undefined ? '' : ' MB'} |`,
        ),
      ]),
    );
  }
  lines.push(
    '',
    '| target (issue 16) | measured | met |',
    '|---|---|---|',
    ...report.targets.map((t: { target: string; measured: string; met: boolean }) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`),
    end,
  );
  const text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? text.slice(0, from) + lines.join('\n') + text.slice(to + end.length) : `${text.trimEnd()}\n\n${lines.join('\n')}\n`;
  writeFileSync(file, next);
}

const phaseArg = process.argv.indexOf('--phase');
if (phaseArg >= 0) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const name = process.argv[phaseArg + 1];
  const phase = phases[name];
  if (!phase) throw new Error(`bench/run: no phase ${name}; expected one of ${Object.keys(phases).join(', ')}`);
  const result = await phase();
  const used = process.cpuUsage(cpu);
  const usage = { wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(`\nBENCH-RESULT ${JSON.stringify({ ...result, __usage: usage })}\n`);
} else if (process.argv.includes('--rewrite-table')) {
  // the tables of BENCHMARKS.md again from bench/results.json, the targets by the rules of this file
  const report = JSON.parse(readFileSync(path.join(benchDir, 'results.json'), 'utf8'));
  report.targets = [...sizeTargets(report.scale), ...report.targets.filter((t: { target: string }) => /byte-identical/.test(t.target))];
  writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify(report, null, 2) + '\n');
  writeBenchmarksTable(report);
} else {
  await main();
}
