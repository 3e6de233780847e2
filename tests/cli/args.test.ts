import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

async function usage(argv: string[]): Promise<string> {
  try {
    await parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('parseArgs', () => {
  it('the default command takes every run option', async () => {
    const cmd = await parseArgs([
      '--scenario', 'a.yml', '--draws', '2000', '--seed', '0', '--workers', '2', '--batch-size', '50', '--out', 'o',
      '--format', 'json', '--set', 'horizon=2030', '--set', 'draws=10', '--quiet', '--deterministic', '--dump-schedules', 's.json', '--lang', 'zh', '--timings',
    ]);

    expect(cmd).toEqual({
      kind: 'run', scenario: 'a.yml', sets: ['horizon=2030', 'draws=10'], draws: 2000, seed: 0, workers: 2, batchSize: 50, out: 'o',
      format: 'json', quiet: true, deterministic: true, dumpSchedules: 's.json', lang: 'zh', timings: true,
    });
  });

  it('has defaults for format, lang, quiet, deterministic, timings and sets', async () => {
    expect(await parseArgs(['--scenario', 'a.yml'])).toEqual({ kind: 'run', scenario: 'a.yml', sets: [], format: 'table', quiet: false, deterministic: false, lang: 'en', timings: false });
  });

  it('--seed takes every whole number 0 … 2^53 − 1 exactly', async () => {
    for (const [text, value] of [['0', 0], ['007', 7], ['9007199254740991', Number.MAX_SAFE_INTEGER], ['4294967296', 2 ** 32]] as const) {
      expect(await parseArgs(['--scenario', 'a.yml', '--seed', text])).toMatchObject({ seed: value });
      expect(await parseArgs(['backtest', '--scenario', 'a.yml', '--seed', text])).toMatchObject({ seed: value });
    }
  });

  it('validate takes files and --set; schema takes nothing', async () => {
    expect(await parseArgs(['validate', 'a.yml', 'b.yml', '--set', 'draws=1'])).toEqual({ kind: 'validate', files: ['a.yml', 'b.yml'], sets: ['draws=1'] });
    expect(await parseArgs(['schema'])).toEqual({ kind: 'schema' });
  });

  it('help and version come back as text', async () => {
    const help = await parseArgs(['--help']);
    const version = await parseArgs(['--version']);

    expect(help.kind).toBe('output');
    expect(help.kind === 'output' && help.text).toContain('Examples:');
    expect(version).toEqual({ kind: 'output', text: '0.1.0\n' });
  });

  it.each([
    [['--scenario', 'a.yml', '--bogus'], 'Unknown argument: bogus'],
    [[], 'give the scenario file with --scenario FILE'],
    [['--scenario'], 'give the scenario file with --scenario FILE'],
    [['--scenario', 'a.yml', '--format', 'xml'], 'Invalid values'],
    [['--scenario', 'a.yml', '--lang', 'fr'], 'Invalid values'],
    [['--scenario', 'a.yml', '--draws', '0'], '--draws must be a whole number from 1 to 1000000000, got 0'],
    [['--scenario', 'a.yml', '--draws', '1.5'], '--draws must be a whole number from 1 to 1000000000, got 1.5'],
    [['--scenario', 'a.yml', '--workers', 'many'], '--workers must be a whole number from 1 to 2^53 − 1 = 9007199254740991, got many'],
    [['--scenario', 'a.yml', '--seed', '-1'], '--seed must be a whole number from 0 to 2^53 − 1 = 9007199254740991, got -1'],
    // seeds outside the exact integers were rounded (2^64 and 1e300 ran as seed 0): now refused
    [['--scenario', 'a.yml', '--seed', '18446744073709551616'], '--seed must be a whole number from 0 to 2^53 − 1 = 9007199254740991, got 18446744073709551616'],
    [['--scenario', 'a.yml', '--seed', '1e300'], '--seed must be a whole number from 0 to 2^53 − 1 = 9007199254740991, got 1e300'],
    [['--scenario', 'a.yml', '--seed', '9007199254740992'], 'got 9007199254740992'],
    [['--scenario', 'a.yml', '--seed', '0x10'], 'got 0x10'],
    [['--scenario', 'a.yml', '--seed', '1', '--seed', '2'], '--seed must be a whole number from 0 to 2^53 − 1 = 9007199254740991, got 2 values (1 2)'],
    [['--scenario', 'a.yml', '--draws', '1e300'], '--draws must be a whole number from 1 to 1000000000, got 1e300'],
    [['--scenario', 'a.yml', '--out', 'a', '--out', 'b'], '--out given 2 times (a, b); give it once'],
    [['--scenario', 'a.yml', '--out'], '--out needs a value'],
    [['--scenario', 'a.yml', '--format', 'json', '--format', 'csv'], '--format given 2 times (json, csv); give it once'],
    [['backtest', '--scenario', 'a.yml', '--origin', '1e3'], '--origin must be a whole number from 1900 to 9999, got 1e3'],
    [['validate'], 'Not enough non-option arguments'],
    [['schema', 'extra'], 'Unknown argument: extra'],
  ])('%j is a usage error: %s', async (argv, message) => {
    expect(await usage(argv)).toContain(message);
  });
});
