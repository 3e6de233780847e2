/**
 * `simulate init --region <province>` end to end: Henan's 18 units are written, validate and run
 * (few draws); bad names and refused provinces exit 2 and write nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli as run } from './capture.js';

const dir = mkdtempSync(join(tmpdir(), 'init-province-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('simulate init --region <province>', () => {
  it('writes Henan as the sum of its 18 units; it validates and runs, its target on the sum', async () => {
    const out = join(dir, 'henan');

    const r = await run('init', '--region', 'Henan', '--out', out, '--target', '2030:urbanShare>=0.65', '--draws', '40');

    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`河南省 (Henan, 410000): wrote ${join(out, 'henan.yml')} and 18 units (36 files under ${join(out, 'prefectures')}); they hold 99365519 residents, 100.00% of the province's 2020 census (99365519)`);
    expect(readdirSync(out).sort()).toEqual(['henan.yml', 'prefectures']);
    expect(readdirSync(join(out, 'prefectures', 'data'))).toHaveLength(18);
    const doc = parse(readFileSync(join(out, 'henan.yml'), 'utf8'));
    expect(doc.model).toBe('regions');
    expect(doc.assumptions.regions.map((x: { name: string }) => x.name)).toContain('济源市'); // the unit managed by the province is summed
    expect(await run('validate', join(out, 'henan.yml'))).toEqual({ code: 0, out: `ok ${join(out, 'henan.yml')}\n`, err: '' });
    const ran = await run('--scenario', join(out, 'henan.yml'), '--format', 'json', '--quiet', '--workers', '1');
    expect(ran.code, ran.err).toBe(0);
    const json = JSON.parse(ran.out);
    expect(json.targets.map((t: { id: string }) => t.id)).toEqual(['urbanShare-2030']);
  }, 120_000);

  it.each([
    [['--region', '河男省'], /no province or prefecture-level unit called "河男省" .*closest: .*the province 河南省 \(Henan, 41\)/],
    [['--region', 'Jilin'], /"Jilin" names both the province 吉林省 .* and the prefecture 吉林市/],
    [['--region', '河南省', '--plan', 'plan.txt'], /--plan: a plan's figures are a city's/],
    [['--region', '41', '--target', '2030:hukouShare>=0.5'], /the province's sum \(the regions model\) has no metric hukouShare/],
  ])('%j exits 2 with a clear message and writes nothing', async (args, message) => {
    const out = join(dir, 'bad');

    const r = await run('init', ...args, '--out', out);

    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
