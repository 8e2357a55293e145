import { Command, InvalidArgumentError } from 'commander';
import os from 'node:os';
import { buildDataset } from '../pipeline/run.ts';
import { pipelineVersion } from '../pipeline/version.ts';

/** Exit codes: 0 done; 1 error-level problems with --strict; 2 bad usage or a failed build. */
const program = new Command()
  .name('hashkpi')
  .description('Turns earnings-call transcripts of Bitcoin miners into a KPI dataset (CSV, Arrow, DuckDB).')
  .version(pipelineVersion)
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
};

program
  .command('build', { isDefault: true })
  .description('read every transcript under --input and write the dataset into --out')
  .option('-i, --input <dir>', 'folder of transcripts (.txt, .md), read recursively', 'transcripts')
  .option('-o, --out <dir>', 'output folder, replaced atomically', 'output')
  .option('-j, --jobs <n>', 'worker count', positiveInt, os.availableParallelism())
  .option('--strict', 'exit 1 when any error-level problem is found', false)
  .action(async (opts: { input: string; out: string; jobs: number; strict: boolean }) => {
    const started = performance.now();
    const summary = await buildDataset({ ...opts, log: (line) => console.error(line) });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const issues = Object.entries(summary.problemsBySeverity).map(([s, n]) => `${n} ${s}`).join(', ') || 'none';
    console.log(
      `hashkpi: ${summary.filesRead} files read, ${summary.documents} documents, ${summary.skipped} skipped, ${summary.duplicates} duplicated; ` +
        `${summary.rows.facts ?? 0} facts, ${summary.rows.mentions ?? 0} mentions, ${summary.rows.paragraphs ?? 0} paragraphs; input problems: ${issues}; ` +
        `written to ${opts.out} in ${seconds}s`,
    );
    if (opts.strict && summary.errorCount > 0) process.exitCode = 1;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`hashkpi: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
