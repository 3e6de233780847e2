import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../src/report/table.js';
import { displayWidth } from '../../src/report/width.js';
import { words } from '../../src/report/words.js';
import { toyResult } from '../fixtures/engine/result.js';

describe('summaryTable', () => {
  it('opens with the scenario, model, draws, seed, workers and time taken', async () => {
    const r = await toyResult();

    const [title, run] = summaryTable(r).split('\n');

    expect(title).toBe('Toy plan — Toyland');
    expect(run).toBe(`model toy · 400 draws · seed 7 · 1 worker · ${r.run.seconds.toFixed(1)} s`);
  });

  it('says when fewer workers ran than asked, and why', async () => {
    const r = await toyResult();
    const capped = (limit: NonNullable<typeof r.run.workersLimit>) => ({ ...r, run: { ...r.run, workers: 2, workersLimit: limit } });

    const cores = summaryTable(capped({ asked: 1000, by: 'cores', max: 2 })).split('\n')[1];
    const batches = summaryTable(capped({ asked: 8, by: 'batches', max: 2 }), 'zh').split('\n')[1];

    expect(cores).toContain(' · 2 workers (of 1000 asked: the machine has 2 cores) · ');
    expect(batches).toContain(' · 2 线程（请求 8：本次仅 2 批） · ');
  });

  it('has one aligned row per target with threshold, median, interval, P(met), verdict, lever and driver', async () => {
    const r = await toyResult();
    const lines = summaryTable(r).split('\n');
    const head = lines.findIndex((l) => l.startsWith('target'));
    const rows = lines.slice(head + 2, head + 2 + r.targets.length);

    expect(lines[head]).toMatch(/^target\s+year\s+threshold\s+median \(80% interval\)\s+P\(met\) ± se\s+verdict\s+lever\s+needs \(assumed\)\s+top driver$/);
    rows.forEach((row, k) => {
      const t = r.targets[k];
      expect(row.startsWith(t.id)).toBe(true);
      expect(row).toContain(`${(100 * t.pMet).toFixed(1)}% ± ${(100 * t.se).toFixed(1)}`);
      expect(row).toContain(t.verdict);
    });
    expect(rows[0]).toMatch(/^toy\.P001 Urban share 2030\s+2030\s+≥ 60\.0%\s+\d+\.\d% \(\d+\.\d% – \d+\.\d%\)/);
    expect(rows[0]).toMatch(/rural→urban migration rate\s+\d\.\d\d%\/yr \(2\.00%\/yr\)/);
    expect(rows[0]).toMatch(/rural→urban migration rate \d+% ↑$/);
    expect(rows[1]).toContain('≈ 55.0% ±0.5%');
    expect(rows[2]).toMatch(/2021–2025\s+≥ 40K/);
    expect(rows[3]).toMatch(/≥ 0\.00 pp\/yr/);
    // a target with its own lever names it beside the level it needs
    expect(rows[4]).toMatch(/^people Population 2030\s+2030\s+≥ 1\.04M .*\s+growth rate\s+0\.\d\d%\/yr \(0\.25%\/yr\)/);
    // columns line up: every row as wide as the rule under the header, up to trailing blanks
    const rule = displayWidth(lines[head + 1]);
    rows.forEach((row) => expect(displayWidth(row)).toBeLessThanOrEqual(rule));
  });

  it('states the joint probability of the milestones', async () => {
    const r = await toyResult();
    expect(summaryTable(r)).toContain(`All 3 milestone targets met together: ${(100 * r.joint.pAll!).toFixed(1)}% ± ${(100 * r.joint.se!).toFixed(1)} (${r.joint.verdict})`);
  });

  it('speaks Chinese with lang zh, IPCC terms included', async () => {
    const r = await toyResult();
    const zh = summaryTable(r, 'zh');
    expect(zh).toContain('目标');
    expect(zh).toContain('400 次抽样');
    expect(zh).toMatch(/或许可能|不可能|很不可能|几乎不可能|可能|很可能|几乎确定/);
    expect(zh).toMatch(/杠杆参数\s+所需水平（假设）/);
    // the lever's Chinese label (src/report/labels.ts)
    expect(zh.split('\n').find((l) => l.startsWith('people'))).toMatch(/总人口增长率\s+0\.\d\d%\/yr/);
  });

  it("labels a target in Chinese where the result has its Chinese label, else in the scenario's words", async () => {
    const r = await toyResult();
    const withZh = { ...r, targets: r.targets.map((t, k) => (k === 0 ? { ...t, labelZh: '常住人口城镇化率，2030年' } : t)) };

    const zh = summaryTable(withZh, 'zh').split('\n');
    const en = summaryTable(withZh, 'en').split('\n');

    expect(zh.some((l) => l.startsWith('toy.P001 常住人口城镇化率，2030年'))).toBe(true);
    expect(zh.some((l) => l.startsWith('people Population 2030'))).toBe(true);
    expect(en.some((l) => l.startsWith('toy.P001 Urban share 2030'))).toBe(true);
  });

  it('says so when there are no targets', async () => {
    const r = await toyResult();
    expect(summaryTable({ ...r, targets: [] })).toContain('The scenario has no targets.');
  });

  it('is the table whenever it fits the width given', async () => {
    const r = await toyResult();
    const table = summaryTable(r);
    const tableWidth = Math.max(...table.split('\n').filter((l) => l.startsWith('─')).map(displayWidth));

    expect(summaryTable(r, 'en', { width: tableWidth })).toBe(table);
    expect(summaryTable(r, 'en', { width: 10_000 })).toBe(table);
  });

  it('writes a block of lines per target on a narrower terminal: every cell whole, lines within the width', async () => {
    // Arrange
    const r = await toyResult();
    const w = words('en');
    // Act
    const text = summaryTable(r, 'en', { width: 80 });
    // Assert
    const lines = text.split('\n');
    expect(lines.some((l) => l.startsWith('target '))).toBe(false);
    const t0 = lines.indexOf('toy.P001 Urban share 2030');
    expect(t0).toBeGreaterThan(0);
    expect(lines[t0 + 1]).toMatch(/^ {2}2030 · threshold: ≥ 60\.0% · median \(80% interval\): \d+\.\d% \(\d+\.\d% – \d+\.\d%\)$/);
    expect(lines[t0 + 2]).toBe(`  P(met) ± se: ${(100 * r.targets[0].pMet).toFixed(1)}% ± ${(100 * r.targets[0].se).toFixed(1)} · ${r.targets[0].verdict}`);
    expect(lines[t0 + 3]).toMatch(/^ {2}lever: rural→urban migration rate · needs \(assumed\): \d\.\d\d%\/yr \(2\.00%\/yr\)$/);
    expect(lines[t0 + 4]).toMatch(/^ {2}top driver: rural→urban migration rate \d+% ↑$/);
    for (const t of r.targets) expect(text).toContain(`${t.id} ${t.label === t.id ? '' : t.label}`.trim());
    expect(text).not.toContain('…');
    // the joint probability and the notes stay, the notes wrapped: here every line fits
    expect(text).toContain('milestone targets met together');
    expect(text.replace(/\s+/g, ' ')).toContain(w.notes(r.run.leverDraws).join(' '));
    lines.forEach((l) => expect(displayWidth(l)).toBeLessThanOrEqual(80));
  });

  it('keeps every line of a target block within any width, unless it holds one cell wider than that', async () => {
    const r = await toyResult();
    const tables = { en: summaryTable(r, 'en'), zh: summaryTable(r, 'zh') };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 20, max: 400 }), fc.constantFrom('en' as const, 'zh' as const), async (width, lang) => {
        const text = summaryTable(r, lang, { width });
        // the table when it fits, else blocks whose cell lines ("  …") fit
        if (text.includes('─')) return text === tables[lang];
        const cellLines = text.split('\n').filter((l) => l.startsWith('  '));
        return cellLines.length >= 4 * r.targets.length && cellLines.every((l) => displayWidth(l) <= width || !l.includes(' · '));
      }),
      { numRuns: 60 },
    );
  });
});
