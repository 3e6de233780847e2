import { describe, expect, it } from 'vitest';
import { targetsTable } from '../../../src/report/html/targets-table.js';
import { toyResult } from '../../fixtures/engine/result.js';

const FIELDS = ['value', 'median', 'q10', 'q90', 'q025', 'q975', 'pMet'] as const;

function cells(html: string, id: string): Record<string, number> {
  const row = html.split('<tr').find((r) => r.includes(`data-target="${id}"`))!;
  return Object.fromEntries([...row.matchAll(/data-field="(\w+)" data-value="([^"]+)"/g)].map((m) => [m[1], Number(m[2])]));
}

describe('targetsTable', () => {
  it("carries every target's numbers exactly as in the result", async () => {
    const r = await toyResult();

    const html = targetsTable(r, 'en');

    for (const t of r.targets) {
      const c = cells(html, t.id);
      for (const f of FIELDS) expect(c[f], `${t.id} ${f}`).toBe(t[f]);
    }
  });

  it('shows the verdict, the seed document and the joint probability in the language asked', async () => {
    const r = await toyResult();
    const withSource = { ...r, targets: r.targets.map((t, i) => (i === 0 ? { ...t, source: { seed: 'toy.P001', document: 'plan.txt', line: 12, quote: '达到 60% <b>' } } : t)) };

    const zh = targetsTable(withSource, 'zh');

    expect(zh).toContain('<th>目标</th>');
    expect(zh).toContain('plan.txt:12');
    expect(zh).toContain('达到 60% &lt;b&gt;');
    expect(zh).toContain('全部');
    expect(targetsTable(r, 'en')).toMatch(/milestone targets met together/);
  });

  it("labels a target in Chinese where the result has its Chinese label", async () => {
    const r = await toyResult();
    const withZh = { ...r, targets: r.targets.map((t, i) => (i === 0 ? { ...t, labelZh: '常住人口城镇化率，2030年' } : t)) };

    expect(targetsTable(withZh, 'zh')).toContain('<span class="sub">常住人口城镇化率，2030年</span>');
    expect(targetsTable(withZh, 'en')).toContain('<span class="sub">Urban share 2030</span>');
  });

  it('says so when there are no targets', async () => {
    const r = await toyResult();

    expect(targetsTable({ ...r, targets: [] }, 'en')).toBe('<p>The scenario has no targets.</p>');
  });
});
