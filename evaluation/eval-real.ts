import { existsSync } from 'node:fs';
import path from 'node:path';
import { realCallFloor } from './floor.ts';
import { printRealScores, scoreRealCorpus } from './real-run.ts';
import { meanOf } from './real-calls.ts';

/** `make eval`, first part: the real calls of ../shared/corpus against their gold files. */
const corpus = path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus');
if (!existsSync(path.join(corpus, 'gold'))) {
  console.log(`No real corpus with gold annotations at ${corpus}: the real-call evaluation is skipped.`);
} else {
  const scores = await scoreRealCorpus(corpus);
  printRealScores(scores, process.argv.includes('--verbose'));
  const strict = meanOf(scores, (s) => s.strict);
  console.log(`floor (evaluation/floor.ts): strict P ≥ ${realCallFloor.strictPrecision}, F1 ≥ ${realCallFloor.strictF1}; now ${strict.precision.toFixed(3)}, ${strict.f1.toFixed(3)}`);
}
