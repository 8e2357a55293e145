/**
 * The top functions of a CPU profile: `node --cpu-prof` writes one .cpuprofile per thread (the
 * main thread and each worker); this sums them, or those named, by function and prints each
 * one's self time and share, and the share of each file and of garbage collection.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir prof cli/main.ts build --input CORPUS --out OUT
 *   npx tsx bench/profile.ts prof [--top 30] [--threads main|workers|all] [--stages a,b,c]
 *
 * --stages: the time spent in each named function and what it calls (recursion counted once).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Microseconds of self time per node id. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const next = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + next);
  }
  return self;
}

function where(url: string): string {
  const at = url.indexOf('/work/main/');
  const local = at >= 0 ? url.slice(at + '/work/main/'.length) : url.replace(/^file:\/\//, '');
  return local.replace(/^.*node_modules\//, 'node_modules/') || '(native)';
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const top = Number(option('--top', '30'));
const threads = option('--threads', 'all');
const targets = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const files = targets.flatMap((t) => (statSync(t).isDirectory() ? readdirSync(t).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(t, f)) : [t]));
// the main thread's profile is the one with the lowest thread id (CPU.<date>.<pid>.<tid>.<seq>.cpuprofile)
const tid = (f: string) => Number(path.basename(f).split('.')[4]);
const mainTid = Math.min(...files.map(tid));
const chosen = files.filter((f) => threads === 'all' || (threads === 'main') === (tid(f) === mainTid));

const stages = option('--stages', 'processTranscript,ingestTranscript,segmentTranscript,extractQuantities,classifyFacts,checkDocument,checkTranslation,segmentRows,factRows,mentionRows,serialize,deserialize,encodeDocument,csvLines,encodeArrowBatches,chooseKpis,checkRows,loadDuckDb,updateDuckDb,writeParquet,writeReport').split(',').filter(Boolean);
const byStage = new Map<string, number>(stages.map((s) => [s, 0]));

/** Adds each named function's inclusive time, counted at its outermost call on each stack. */
function addStages(profile: CpuProfile, self: Map<number, number>): void {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const visit = (id: number, open: Set<string>): number => {
    const node = nodes.get(id)!;
    const name = node.callFrame.functionName;
    const entering = byStage.has(name) && !open.has(name);
    if (entering) open.add(name);
    let sum = self.get(id) ?? 0;
    for (const child of node.children ?? []) sum += visit(child, open);
    if (entering) {
      open.delete(name);
      byStage.set(name, byStage.get(name)! + sum);
    }
    return sum;
  };
  for (const n of profile.nodes) if (!childIds.has(n.id)) visit(n.id, new Set());
}

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
let wall = 0;
for (const file of chosen) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  wall = Math.max(wall, profile.endTime - profile.startTime);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = selfTimes(profile);
  addStages(profile, self);
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    total += us;
    const key = `${functionName || '(anonymous)'} ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const fileKey = functionName === '(garbage collector)' ? '(garbage collector)' : where(url);
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
  }
}
const ms = (us: number) => `${Math.round(us / 1000).toLocaleString('en-US')} ms`;
const share = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
console.log(`${chosen.length} profile(s), ${threads}; busy ${ms(total)} of CPU, longest thread ${ms(wall)}\n`);
console.log('| function (self time) | self | share |\n|---|---:|---:|');
for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| \`${k}\` | ${ms(us)} | ${share(us)} |`);
console.log('\n| file (self time) | self | share |\n|---|---:|---:|');
for (const [k, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, Math.ceil(top / 2))) console.log(`| \`${k}\` | ${ms(us)} | ${share(us)} |`);
console.log('\n| function (with what it calls) | total | share |\n|---|---:|---:|');
for (const [k, us] of byStage) if (us > 0) console.log(`| \`${k}\` | ${ms(us)} | ${share(us)} |`);
