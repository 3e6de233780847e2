#!/usr/bin/env node
/**
 * Self time by function from one or more V8 .cpuprofile files (as written by `node --cpu-prof`),
 * summed over every thread's profile given, largest first.
 *
 * @example
 * node bench/profile/summarize.mjs /tmp/prof/*.cpuprofile
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node bench/profile/summarize.mjs FILE.cpuprofile ...');
  process.exit(2);
}
const self = new Map();
let total = 0;
for (const f of files) {
  const p = JSON.parse(readFileSync(f, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i];
    dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  for (const [id, us] of dt) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const where = cf.url ? `${basename(cf.url)}:${cf.lineNumber + 1}` : '';
    const key = `${cf.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  }
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25));
console.log(`total ${(total / 1e6).toFixed(2)} s sampled over ${files.length} profile(s)`);
for (const [k, us] of rows) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1e6).toFixed(2).padStart(6)} s  ${k}`);
