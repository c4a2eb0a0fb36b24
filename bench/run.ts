import os from 'node:os';
import { lifecycleBenchmark } from './lifecycle.bench.js';
import { printComparisons } from './measure.js';

/**
 * `npm run bench`: every benchmark measures its own baseline in the same run, because absolute
 * numbers move between machines and runs; the ratio is what we track in bench/RESULTS.md.
 */
console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), ${os.platform()}`);
printComparisons([await lifecycleBenchmark()]);
