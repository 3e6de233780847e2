/**
 * Preloaded into a `simulate` run (`node --import bench/lib/rss-probe.mjs bin/simulate.js …`):
 * at exit, writes the process's peak resident set size (KiB, worker threads included: they share
 * the process) to the file named by BENCH_PROBE_FILE.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
