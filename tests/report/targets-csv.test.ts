import { describe, expect, it } from 'vitest';
import { TARGETS_HEADER, targetsCsv } from '../../src/report/targets-csv.js';
import { toyResult } from '../fixtures/engine/result.js';

describe('targetsCsv', () => {
  it("has one row per target with its lever's name, assumed and needed level at full precision", async () => {
    const r = await toyResult();

    // (no cell of the toy result holds a comma or a quote: a split is a parse)
    const [head, ...lines] = targetsCsv(r).trimEnd().split('\n');
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((c, j) => [head.split(',')[j], c])));

    expect(targetsCsv(r).split('\n')[0]).toBe(TARGETS_HEADER);
    expect(rows.map((x) => x.id)).toEqual(r.targets.map((t) => t.id));
    rows.forEach((row, k) => {
      const t = r.targets[k];
      expect([Number(row.pMet), Number(row.se), Number(row.median), row.verdict]).toEqual([t.pMet, t.se, t.median, t.verdict]);
      expect([row.lever_param, row.lever_label, Number(row.lever_assumed), row.lever_status]).toEqual([t.lever!.param, t.lever!.label, t.lever!.assumed, t.lever!.status]);
      expect(row.lever_needed).toBe(t.lever!.needed === null ? '' : String(t.lever!.needed));
    });
    const people = rows.find((x) => x.id === 'people')!;
    expect([people.metric, people.year, people.window_start, people.lever_param, people.lever_unit]).toEqual(['total', '2030', '', 'growth', 'per year']);
    expect(rows.find((x) => x.id === 'toy.P001')!.lever_param).toBe('migration');
  });

  it('quotes a cell with a comma or a quote, and leaves the lever cells empty without a lever', async () => {
    const r = await toyResult();
    const t = { ...r.targets[0], id: 'a,"b"', lever: null };

    const line = targetsCsv({ ...r, targets: [t] }).split('\n')[1];

    expect(line.startsWith('"a,""b""",urbanShare,level,2030,,,>=,0.6,')).toBe(true);
    expect(line.endsWith(',,,,,,')).toBe(true);
  });
});
