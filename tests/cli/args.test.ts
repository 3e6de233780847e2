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
      '--format', 'json', '--set', 'horizon=2030', '--set', 'draws=10', '--quiet', '--deterministic', '--dump-schedules', 's.json', '--lang', 'zh',
    ]);

    expect(cmd).toEqual({
      kind: 'run', scenario: 'a.yml', sets: ['horizon=2030', 'draws=10'], draws: 2000, seed: 0, workers: 2, batchSize: 50, out: 'o',
      format: 'json', quiet: true, deterministic: true, dumpSchedules: 's.json', lang: 'zh',
    });
  });

  it('has defaults for format, lang, quiet, deterministic and sets', async () => {
    expect(await parseArgs(['--scenario', 'a.yml'])).toEqual({ kind: 'run', scenario: 'a.yml', sets: [], format: 'table', quiet: false, deterministic: false, lang: 'en' });
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
    [['--scenario', 'a.yml', '--draws', '0'], '--draws must be a whole number ≥ 1, got 0'],
    [['--scenario', 'a.yml', '--draws', '1.5'], '--draws must be a whole number ≥ 1, got 1.5'],
    [['--scenario', 'a.yml', '--workers', 'many'], '--workers must be a whole number ≥ 1, got NaN'],
    [['--scenario', 'a.yml', '--seed', '-1'], '--seed must be a whole number ≥ 0, got -1'],
    [['validate'], 'Not enough non-option arguments'],
    [['schema', 'extra'], 'Unknown argument: extra'],
  ])('%j is a usage error: %s', async (argv, message) => {
    expect(await usage(argv)).toContain(message);
  });
});
