/**
 * A shard's partial state: what `simulate --shard K/N --out DIR` leaves in DIR for
 * `simulate merge` — `partial.json` (the header: format, engine version, the scenario's path,
 * SHA-256 and `--set`s, seed, draws, which block of draws, the record layout, the data file's
 * size and SHA-256) and `draws.f64` (the block's draws).
 *
 * **Why draws and not sums.** Every floating-point aggregate of a run (moments, weighted
 * histograms and tallies, sensitivity sums, and in a calibrated run the rescaling by each new
 * largest weight) is accumulated in draw order (draw by draw, or the moments in fixed blocks of
 * 8 draws summed in order: `aggregate/moments.ts`); floating-point addition is not
 * associative, so adding per-shard sums would give different bits from one unsharded run. The
 * shard therefore keeps, per draw, exactly what the run's accumulator consumes, and the merge
 * feeds it, in draw order, through the run's own code (`runScenario` with a stored
 * {@link DrawSource}): the bits are those of an unsharded run by construction. The price is
 * size: 8 bytes × {@link recordLength} per draw (Heze: 479 values, 3.8 kB a draw, 3.8 GB for 10⁶ draws).
 *
 * **Record layout** (native little-endian float64, one record per draw, draws in order):
 * `series[S] · values[T] · uniforms[J] · refParts[R] · logWeight[W]` with S = metrics × years,
 * T = targets, J = uncertain inputs, R = T when some target has a reference (else 0), W = 1 when
 * the scenario is calibrated (else 0): the fields of `BatchResult` a full batch carries.
 *
 * **Atomic.** The data goes to a temporary file renamed to `draws.f64`, then the header is written
 * (temporary name, rename): a shard without `partial.json` did not finish, and the header's
 * SHA-256 of the data catches a data file from another write.
 *
 * @module
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { z } from '../vendor/zod.js';
import { writeFileAtomic } from '../util/atomic.js';
import type { CompiledScenario } from './compile.js';
import type { BatchResult } from './kernel.js';
import { UserError } from '../util/user-error.js';

/** The header's format id; bumped on any incompatible change of header or records. */
export const PARTIAL_FORMAT = 'urbcast.partial/1' as const;
export const HEADER_FILE = 'partial.json';
export const DATA_FILE = 'draws.f64';

/** Float64 values per draw of each field. */
export interface RecordLayout {
  series: number;
  values: number;
  uniforms: number;
  refParts: number;
  logWeights: number;
}

const count = z.number().int().nonnegative();
const headerSchema = z.strictObject({
  format: z.literal(PARTIAL_FORMAT),
  engineVersion: z.string(),
  scenario: z.strictObject({ file: z.string(), sha256: z.string().nullable(), sets: z.array(z.string()) }),
  seed: count,
  draws: z.number().int().positive(),
  lhs: z.boolean(),
  shard: z.strictObject({ k: z.number().int().positive(), n: z.number().int().positive(), from: count, to: count }),
  layout: z.strictObject({ series: count, values: count, uniforms: count, refParts: count, logWeights: count }),
  data: z.strictObject({ file: z.literal(DATA_FILE), bytes: count, sha256: z.string() }),
  run: z.strictObject({ workers: z.number().int().positive(), batchSize: z.number().int().positive(), startedAt: z.string(), seconds: z.number().nonnegative() }),
});

/** The header of a partial state (`partial.json`). */
export type PartialHeader = z.infer<typeof headerSchema>;

/** A shard's folder and its header. */
export interface StoredShard {
  dir: string;
  header: PartialHeader;
}

/** A shard that cannot be merged (exit code 2): the message names the shard. */
export class ShardError extends UserError {}

/**
 * Draws of shard k of n (1 ≤ k ≤ n) among `draws`: the contiguous block ⌊(k−1)·D/n⌋ … ⌊k·D/n⌋ − 1.
 *
 * @example
 * shardRange(2, 4, 10); // { from: 2, to: 5 }
 */
export function shardRange(k: number, n: number, draws: number): { from: number; to: number } {
  return { from: Math.floor(((k - 1) * draws) / n), to: Math.floor((k * draws) / n) };
}

/**
 * The record layout of a compiled scenario's full batches.
 *
 * @example
 * recordLayout(cs); // { series: 238, values: 6, uniforms: 13, refParts: 0, logWeights: 0 }
 */
export function recordLayout(cs: CompiledScenario): RecordLayout {
  const T = cs.targets.length;
  return {
    series: cs.metrics.length * cs.years.length,
    values: T,
    uniforms: cs.main.inputs.length,
    refParts: cs.targets.some((t) => t.ref.kind !== 'none') ? T : 0,
    logWeights: cs.calibration !== null ? 1 : 0,
  };
}

/** Float64 values per draw. */
export function recordLength(l: RecordLayout): number {
  return l.series + l.values + l.uniforms + l.refParts + l.logWeights;
}

function requireLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('partial states are little-endian float64; this machine is big-endian');
}

/**
 * Writes a shard's draws, batch by batch in draw order, then its header.
 *
 * @example
 * const w = new PartialWriter('out/shard-1', layout);
 * w.append(batch);
 * w.finish(header);
 */
export class PartialWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private readonly L: number;

  constructor(
    readonly dir: string,
    readonly layout: RecordLayout,
  ) {
    requireLittleEndian();
    mkdirSync(dir, { recursive: true });
    // an earlier shard's header must not describe the new data, even if this write fails
    rmSync(join(dir, HEADER_FILE), { force: true });
    this.tmp = join(dir, `.${DATA_FILE}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
    this.L = recordLength(layout);
  }

  /** Appends a full batch (the next draws in order). */
  append(b: BatchResult): void {
    const { series: S, values: T, uniforms: J, refParts: R, logWeights: W } = this.layout;
    const L = this.L;
    const rec = new Float64Array(b.count * L);
    for (let d = 0; d < b.count; d++) {
      let at = d * L;
      rec.set(b.series!.subarray(d * S, (d + 1) * S), at);
      rec.set(b.values.subarray(d * T, (d + 1) * T), (at += S));
      rec.set(b.uniforms!.subarray(d * J, (d + 1) * J), (at += T));
      at += J;
      if (R > 0) rec.set(b.refParts!.subarray(d * R, (d + 1) * R), at);
      at += R;
      if (W > 0) rec[at] = b.logWeights![d];
    }
    const bytes = new Uint8Array(rec.buffer);
    for (let off = 0; off < bytes.length; ) off += writeSync(this.fd, bytes, off);
    this.hash.update(bytes);
    this.bytes += bytes.length;
  }

  /** Closes the data, renames it into place and writes the header (given without `data`). */
  finish(header: Omit<PartialHeader, 'data' | 'format' | 'layout'>): PartialHeader {
    closeSync(this.fd);
    renameSync(this.tmp, join(this.dir, DATA_FILE));
    const full: PartialHeader = { format: PARTIAL_FORMAT, ...header, layout: this.layout, data: { file: DATA_FILE, bytes: this.bytes, sha256: this.hash.digest('hex') } };
    writeFileAtomic(join(this.dir, HEADER_FILE), `${JSON.stringify(full, null, 2)}\n`);
    return full;
  }

  /** Drops the temporary data (after a failure). */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    rmSync(this.tmp, { force: true });
  }
}

/**
 * Reads and checks a shard's header: a {@link ShardError} naming the folder when it is missing,
 * not JSON, of another format or when the data file's size does not match.
 *
 * @example
 * readPartial('out/shard-2-of-4').header.shard; // { k: 2, n: 4, from: 250, to: 500 }
 */
export function readPartial(dir: string): StoredShard {
  const file = join(dir, HEADER_FILE);
  if (!existsSync(file)) throw new ShardError(`shard ${dir}: no ${HEADER_FILE}: not a shard written by simulate --shard, or its run did not finish`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ShardError(`shard ${dir}: ${HEADER_FILE} is not JSON (${(e as Error).message})`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== PARTIAL_FORMAT) throw new ShardError(`shard ${dir}: ${HEADER_FILE} has format ${JSON.stringify(format)}, expected "${PARTIAL_FORMAT}" (written by another version of urbcast?)`);
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ShardError(`shard ${dir}: ${HEADER_FILE}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const header = parsed.data;
  const expected = (header.shard.to - header.shard.from) * recordLength(header.layout) * 8;
  const data = join(dir, DATA_FILE);
  const bytes = existsSync(data) ? fstatSize(data) : -1;
  if (bytes < 0) throw new ShardError(`shard ${dir}: ${DATA_FILE} is missing`);
  if (header.data.bytes !== expected || bytes !== expected) {
    throw new ShardError(`shard ${dir}: ${DATA_FILE} has ${bytes} bytes, expected ${expected} (${header.shard.to - header.shard.from} draws of ${recordLength(header.layout)} values): incomplete or damaged`);
  }
  return { dir, header };
}

function fstatSize(file: string): number {
  const fd = openSync(file, 'r');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/**
 * The draws of shards (in order, one block after another), as full batches of at most `chunk`
 * draws, each in its own memory. Checks each data file's SHA-256 against its header once read
 * to the end, before its last batch is yielded (a {@link ShardError} naming the shard otherwise).
 *
 * @example
 * for (const b of readDraws(shards, 1000)) acc.add(b);
 */
export function* readDraws(shards: readonly StoredShard[], chunk: number): Generator<BatchResult> {
  requireLittleEndian();
  for (const { dir, header } of shards) {
    const { series: S, values: T, uniforms: J, refParts: R, logWeights: W } = header.layout;
    const L = recordLength(header.layout);
    const hash = createHash('sha256');
    const fd = openSync(join(dir, DATA_FILE), 'r');
    try {
      for (let start = header.shard.from; start < header.shard.to; ) {
        const n = Math.min(chunk, header.shard.to - start);
        const rec = new Float64Array(n * L);
        const bytes = new Uint8Array(rec.buffer);
        for (let off = 0; off < bytes.length; ) {
          const got = readSync(fd, bytes, off, bytes.length - off, null);
          if (got === 0) throw new ShardError(`shard ${dir}: ${DATA_FILE} ends early`);
          off += got;
        }
        hash.update(bytes);
        // checked before the shard's last draws are used (a reader stops once it has all it needs)
        if (start + n === header.shard.to && hash.digest('hex') !== header.data.sha256) {
          throw new ShardError(`shard ${dir}: ${DATA_FILE}'s SHA-256 differs from its header's: the data was changed or comes from another run`);
        }
        const b: BatchResult = {
          start,
          count: n,
          series: new Float64Array(n * S),
          values: new Float64Array(n * T),
          uniforms: new Float64Array(n * J),
          inputs: null,
          refParts: R > 0 ? new Float64Array(n * R) : null,
          logWeights: W > 0 ? new Float64Array(n) : null,
          failed: 0,
          error: null,
        };
        for (let d = 0; d < n; d++) {
          let at = d * L;
          b.series!.set(rec.subarray(at, (at += S)), d * S);
          b.values.set(rec.subarray(at, (at += T)), d * T);
          b.uniforms!.set(rec.subarray(at, (at += J)), d * J);
          if (R > 0) b.refParts!.set(rec.subarray(at, (at += R)), d * R);
          if (W > 0) b.logWeights![d] = rec[at];
        }
        yield b;
        start += n;
      }
    } finally {
      closeSync(fd);
    }
  }
}
