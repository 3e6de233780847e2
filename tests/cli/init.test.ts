import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './capture.js';

describe('simulate init', () => {
  it('writes a scenario that simulate validate accepts and that runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-cli-'));
    const out = join(dir, 'linyi.yml');

    const r = await run('init', '--region', 'Linyi', '--out', out, '--target', '2025:urbanShare>=0.60', '--draws', '200');

    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`临沂市 (Linyi, 山东省, 371300): wrote ${out}, ${join(dir, 'data', 'linyi_age.csv')}`);
    expect(readdirSync(dir).sort()).toEqual(['data', 'linyi.yml']);
    expect(readFileSync(out, 'utf8')).toMatch(/^# 临沂市 \(Linyi, 山东省, census code 371300\): written by `simulate init --region Linyi/);
    expect(await run('validate', out)).toEqual({ code: 0, out: `ok ${out}\n`, err: '' });
    const ran = await run('--scenario', out, '--format', 'json', '--quiet', '--workers', '1');
    expect(ran.code, ran.err).toBe(0);
    expect(JSON.parse(ran.out).targets.map((t: { id: string }) => t.id)).toEqual(['urbanShare-2025']);
  }, 60_000);

  it('an output it cannot write (a path through a file) exits 3 with one line, and leaves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-cli-'));
    writeFileSync(join(dir, 'plain'), 'x');

    const r = await run('init', '--region', '371300', '--draws', '100', '--out', join(dir, 'plain', 'linyi.yml'));

    expect(r.code).toBe(3);
    expect(r.err.split('\n')).toHaveLength(2);
    expect(r.err).toMatch(new RegExp(`^cannot write ${join(dir, 'plain')}/data/linyi_age.csv: `));
    expect(readdirSync(dir)).toEqual(['plain']);
  });

  it.each([
    [['--region', 'Taizhou'], /"Taizhou" is ambiguous: 泰州市 \(Taizhou, 江苏省, 321200\); 台州市 \(Taizhou, 浙江省, 331000\)/],
    [['--region', '临沂县'], /no prefecture-level unit called "临沂县" .*closest: 临沂市 \(Linyi, 山东省, 371300\)/],
    [['--region', 'linyl'], /closest: 临沂市 \(Linyi/],
    [['--region', '临沂市', '--target', '2025:urbanShare>=60'], /write 0.60 for 60 %/],
    [['--region', '临沂市', '--baseline', '2015'], /--baseline 2015: init starts from a census in the catalogue/],
    [['--region', '临沂市', '--model', 'urgd'], /--model urgd: init calibrates cohort/],
    [[], /usage: give the prefecture with --region NAME/],
  ])('%j is refused with exit 2 and a clear message, nothing written', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'init-cli-'));
    const out = join(dir, 'x.yml');

    const r = await run('init', ...args, '--out', out);

    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
