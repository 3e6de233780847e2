/**
 * Fuzzing the command line itself (issue 19): random combinations of subcommands, flags and
 * values (good, bad and hostile: huge and inexact numbers, repeated flags, empty values, a file
 * where a folder is expected), run in-process through `main`. Every case must end with exit 0, 2
 * (bad input or usage) or 3 (an output that could not be written, one line `cannot write …`),
 * never 1; no stack trace, no Node warning, and no temporary file left in the output folders.
 *
 * CLI_FUZZ_RUNS sets the number of cases (default 50; `npm run fuzz` runs 600), FUZZ_SEED
 * replays a run.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capture } from '../cli/capture.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.CLI_FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** A case runs at most a few hundred draws; this catches a hang, not a slow machine. */
const CASE_SECONDS = 60;

const work = mkdtempSync(join(tmpdir(), 'urbcast-cli-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const plainFile = join(work, 'plain.txt');
writeFileSync(plainFile, 'not a folder');
mkdirSync(join(work, 'folder'));
let n = 0;
/** A new output path each case (so that cases do not see each other's files). */
const fresh = () => join(work, `out-${n++}`);

const base = join(root, 'tests/fixtures/scenarios/base.yml');
const tiny = join(root, 'tests/fixtures/backtest/tiny.yml');
const values = {
  scenario: fc.constantFrom(base, base, tiny, join(root, 'missing.yml'), '', join(root, 'README.md'), join(work, 'folder')),
  // no valid count above a few hundred: a case must stay fast
  draws: fc.constantFrom('1', '7', '20', '0', '-3', '1.5', '1e3', 'abc', '', '9007199254740993', '99999999999999999999', '1000000001'),
  seed: fc.constantFrom('0', '7', '007', '9007199254740991', '9007199254740992', '18446744073709551616', '1e300', '0x10', '-1', '', 'x', '1.0'),
  workers: fc.constantFrom('1', '2', '1000', '0', '-1', '', '1e3', '2.5'),
  'batch-size': fc.constantFrom('1', '3', '1000', '0', ''),
  format: fc.constantFrom('table', 'json', 'csv', 'html', 'xml', ''),
  lang: fc.constantFrom('en', 'zh', 'fr'),
  'replay-draw': fc.constantFrom('0', '3', '19', '20', '-1', '1e9', ''),
  set: fc.constantFrom('draws=5', 'seed=3', 'seed=1e300', 'seed=9007199254740993', 'draws=0', 'x.y=1', 'assumptions', '=', 'horizon=2012', 'draws=[1]'),
  origin: fc.constantFrom('2010', '2011', '1800', 'x', '1e3'),
  out: fc.constantFrom('fresh', 'fresh', 'plain', 'plain/sub', 'folder', ''),
  'dump-schedules': fc.constantFrom('fresh', 'folder', 'plain/sub', ''),
};
type Flag = keyof typeof values;
const path = (v: string) => (v === 'fresh' ? fresh() : v === 'plain' ? plainFile : v === 'plain/sub' ? join(plainFile, 'sub') : v === 'folder' ? join(work, 'folder') : v);

/** A flag and its value(s) as argv words. */
const flag = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...(Object.keys(values) as Flag[])).chain((f) => values[f].map((v) => [`--${f}`, f === 'out' || f === 'dump-schedules' ? path(v) : v])) },
  { weight: 2, arbitrary: fc.constantFrom(['--quiet'], ['--deterministic'], ['--no-quiet'], ['--quiet=maybe']) },
  { weight: 1, arbitrary: fc.constantFrom(['--help'], ['--version'], ['--bogus'], ['stray'], ['--seed'], ['--out'], ['-x'], ['--']) },
);
const command = fc.tuple(
  fc.constantFrom([], [], [], ['backtest'], ['validate'], ['schema'], ['validate', base]),
  fc.array(flag, { minLength: 0, maxLength: 7 }),
  fc.boolean(),
).map(([sub, flags, quiet]) => [...sub, ...(sub[0] === 'backtest' || sub.length === 0 ? ['--scenario', base] : []), ...flags.flat(), ...(quiet ? ['--quiet'] : [])]);

/** Temporary names src/io/ uses (`.NAME.urbcast-…`): none may be left. */
function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.urbcast-'));
}

describe('fuzzing the command line', () => {
  beforeEach(() => void vi.spyOn(process, 'emitWarning'));
  afterEach(() => {
    expect(process.emitWarning).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it(`${RUNS} random command lines: exit 0, 2 or 3, never 1; no stack trace; nothing temporary left`, async () => {
    const codes: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(command, async (argv) => {
        const { io, text } = capture();
        const t0 = performance.now();
        const code = await main(argv, io);
        const seconds = (performance.now() - t0) / 1000;
        const described = `simulate ${argv.map((a) => JSON.stringify(a)).join(' ')}\n${text.err}`;

        codes[code] = (codes[code] ?? 0) + 1;
        expect([0, 2, 3], described).toContain(code);
        expect(text.err, described).not.toMatch(/internal error|\n\s+at |Warning/);
        if (code === 3) expect(text.err, described).toMatch(/^cannot write [^\n]+: [^\n]+; (nothing was written|the earlier report is untouched)\n$/);
        if (code === 2) expect(text.err.trim(), described).not.toBe('');
        expect(seconds, described).toBeLessThan(CASE_SECONDS);
        expect(leftovers(work), described).toEqual([]);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    if (process.env.CLI_FUZZ_VERBOSE) console.log(codes);
    // the command lines reach every outcome: most are refused, some run
    expect(codes[2]).toBeGreaterThan(0);
    expect(codes[0]).toBeGreaterThan(0);
  }, 120_000 + RUNS * 10_000);

  it.each([
    ['a seed past 2^53', ['--seed', '18446744073709551616'], 2, '--seed must be a whole number from 0 to 2^53 − 1 = 9007199254740991, got 18446744073709551616'],
    ['a seed in exponent notation', ['--seed', '1e300'], 2, 'got 1e300'],
    ['--out twice', ['--out', 'a', '--out', 'b'], 2, '--out given 2 times (a, b); give it once'],
    ['--out through a file', ['--deterministic', '--out', join(plainFile, 'sub')], 3, `cannot write ${join(plainFile, 'sub', 'projection.txt')}: ${plainFile} is a file, not a folder; nothing was written`],
  ])('%s', async (_, extra, expected, message) => {
    const { io, text } = capture();

    const code = await main(['--scenario', base, '--quiet', ...extra], io);

    expect(code, text.err).toBe(expected);
    expect(text.err).toContain(message);
  });
});
