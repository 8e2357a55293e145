// A build that stops itself at one point, as a kill or a Ctrl-C would: run by output-folder.test.ts as
// `node --import tsx interrupted-build.ts INPUT OUT POINT SIGNAL`, POINT being `writing` or a swap step.
import { buildDataset } from '../../pipeline/run.ts';

const [input, out, point, signal] = process.argv.slice(2) as [string, string, string, NodeJS.Signals];
const stop = async () => {
  process.kill(process.pid, signal);
  // a handled signal ends the process from the event loop: wait for it here, at this step
  await new Promise((resolve) => setTimeout(resolve, 30_000));
};
let stopped = false;
await buildDataset({
  input,
  out,
  jobs: 1,
  strict: false,
  onProgress: () => {
    if (point !== 'writing' || stopped) return;
    stopped = true;
    process.kill(process.pid, signal);
  },
  beforeSwapStep: async (step) => {
    if (step === point) await stop();
  },
});
console.log('the build was not stopped');
