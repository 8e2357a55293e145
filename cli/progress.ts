import cliProgress from 'cli-progress';

/** Below this many files a build is over before a bar would say anything. */
const minFilesForBar = 10;

export interface BuildProgress {
  onProgress: (done: number, total: number) => void;
  log: (line: string) => void;
  stop: () => void;
}

/**
 * A progress bar on stderr while a build reads many files, on a terminal only: piped or in CI
 * the build prints its one summary line and nothing else.
 */
export function buildProgress(stream: NodeJS.WriteStream = process.stderr): BuildProgress {
  let bars: cliProgress.MultiBar | undefined;
  let bar: cliProgress.SingleBar | undefined;
  const stop = () => {
    bars?.stop();
    bars = undefined;
    bar = undefined;
  };
  return {
    onProgress: (done, total) => {
      if (!stream.isTTY || total < minFilesForBar) return;
      if (!bars) {
        bars = new cliProgress.MultiBar(
          { stream, format: 'hashkpi {bar} {value}/{total} files | {percentage}% | {eta_formatted} left', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar = bars.create(total, 0);
      }
      bar!.update(done);
      if (done >= total) stop();
    },
    log: (line) => (bars ? bars.log(`${line}\n`) : console.error(line)),
    stop,
  };
}
