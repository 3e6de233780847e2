import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SeedFileSchema } from '../../src/scenario/seed-file.js';
import { runCli as run } from './capture.js';

const plan = fileURLToPath(new URL('../fixtures/extract/synthetic-plan.txt', import.meta.url));

describe('simulate extract', () => {
  it('prints a seed file that passes the seed schema', async () => {
    const r = await run('extract', plan, '--region', '沂蒙市', '--city', 'yimeng');

    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const data = SeedFileSchema.parse(parse(r.out));
    expect(data.city).toBe('yimeng');
    expect(data.entries).toHaveLength(16);
    expect(data.entries[0]).toMatchObject({ id: 'yimeng.P001', indicator: 'resident_urbanisation_rate', year: 2025, value: 58.2, kind: 'baseline' });
  });

  it('writes --out whole (no temporary file left) and takes the city from its stem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    const out = join(dir, 'yimeng.yml');

    const r = await run('extract', plan, '--region', '沂蒙市', '--out', out);

    expect(r.code).toBe(0);
    expect(r.err).toBe(`wrote ${out}: 16 figures of 沂蒙市 from synthetic-plan.txt\n`);
    expect(readdirSync(dir)).toEqual(['yimeng.yml']);
    expect(SeedFileSchema.parse(parse(readFileSync(out, 'utf8'))).entries[0].id).toBe('yimeng.P001');
  });

  it('an --out it cannot write (a path through a file) exits 3 with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    writeFileSync(join(dir, 'plain'), 'x');

    const r = await run('extract', plan, '--region', '沂蒙市', '--out', join(dir, 'plain', 'yimeng.yml'));

    expect(r.code).toBe(3);
    expect(r.err).toMatch(new RegExp(`^cannot write ${join(dir, 'plain', 'yimeng.yml')}: .*\n$`));
  });

  it('refuses text without figures and non-Chinese text with exit 2, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    const empty = join(dir, 'notes.txt');
    writeFileSync(empty, '会议纪要：各部门要加强协调配合，抓好工作落实，确保各项任务按期完成，推进城市更新。\n');
    const english = join(dir, 'readme.txt');
    writeFileSync(english, 'This is not a plan at all, just an English note about something.\n');

    const a = await run('extract', empty, '--region', '沂蒙市', '--city', 'yimeng');
    const b = await run('extract', english, '--region', '沂蒙市', '--city', 'yimeng');

    expect(a).toMatchObject({ code: 2, out: '' });
    expect(a.err).toMatch(new RegExp(`^${empty}: no population or urbanisation figure found`));
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/readme.txt: not a Chinese plan text/);
    expect(b.err).not.toMatch(/at .*\.ts/);
  });

  it('needs --region, and a seed-file stem it can use', async () => {
    expect((await run('extract', plan)).err).toMatch(/usage: give the region the plan is about with --region NAME/);
    expect((await run('extract', plan, '--region', '沂蒙市', '--city', 'Yi-Meng')).code).toBe(2);
  });
});
