/**
 * Checks that shards make up one run, whole: the same format, engine version, scenario (its
 * SHA-256 and `--set`s), seed, draws, sampling, number of shards and record layout; every shard
 * 1 … n exactly once; each with the block of draws its number gives. Each failure is a
 * {@link ShardError} (exit code 2) naming the shard(s).
 *
 * @module
 */
import { ShardError, shardRange, type PartialHeader, type StoredShard } from './partial-state.js';

const name = (s: StoredShard) => `${s.dir} (shard ${s.header.shard.k}/${s.header.shard.n})`;

/** What every shard of one run shares, by field, as text to compare and show. */
function shared(h: PartialHeader): [string, string][] {
  return [
    ['engine version', h.engineVersion],
    ['scenario SHA-256', String(h.scenario.sha256)],
    ['--set overrides', JSON.stringify(h.scenario.sets)],
    ['seed', String(h.seed)],
    ['draws', String(h.draws)],
    ['Latin hypercube sampling', String(h.lhs)],
    ['number of shards', String(h.shard.n)],
    ['record layout', JSON.stringify(h.layout)],
  ];
}

/**
 * The shards sorted by number, after checking they form one complete run.
 *
 * @example
 * const ordered = checkShardSet([readPartial('s2'), readPartial('s1')]); // shard 1 first
 */
export function checkShardSet(shards: readonly StoredShard[]): StoredShard[] {
  if (shards.length === 0) throw new ShardError('no shard to merge');
  const first = shards[0];
  const ref = shared(first.header);
  for (const s of shards.slice(1)) {
    shared(s.header).forEach(([field, value], i) => {
      if (value !== ref[i][1]) {
        throw new ShardError(`shard ${name(s)} does not belong with ${name(first)}: ${field} ${value}, expected ${ref[i][1]} (shards of one run share scenario, seed, draws and engine version)`);
      }
    });
  }
  const { n } = first.header.shard;
  const byK = new Map<number, StoredShard>();
  for (const s of shards) {
    const { k, from, to } = s.header.shard;
    if (k > n) throw new ShardError(`shard ${name(s)}: shard number ${k} is beyond the ${n} shards`);
    const other = byK.get(k);
    if (other !== undefined) throw new ShardError(`shard ${k}/${n} given twice: ${other.dir} and ${s.dir}`);
    const want = shardRange(k, n, s.header.draws);
    if (from !== want.from || to !== want.to) throw new ShardError(`shard ${name(s)}: holds draws ${from}–${to - 1}, expected ${want.from}–${want.to - 1}`);
    byK.set(k, s);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byK.has(k));
  if (missing.length > 0) {
    throw new ShardError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${n}`).join(', ')} missing (given: ${[...byK.values()].map(name).join(', ')})`);
  }
  return [...byK.keys()].sort((a, b) => a - b).map((k) => byK.get(k)!);
}
