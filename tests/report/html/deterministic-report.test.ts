import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicJson, projectDeterministic } from '../../../src/engine/deterministic.js';
import { deterministicHtml, deterministicResult } from '../../../src/report/html/deterministic-report.js';
import { loadScenario } from '../../../src/scenario/load.js';

const sets = ['assumptions.srb.value=1.1'];

describe('deterministicHtml', () => {
  it('writes the page with projection.json and projection.csv, the same as --deterministic json and csv', async () => {
    const loaded = await loadScenario('scenarios/heze.yml', { sets });
    const dir = join(mkdtempSync(join(tmpdir(), 'urbcast-det-html-')), 'out');

    const files = await deterministicHtml(loaded, { out: dir, lang: 'en', sets, stdout: process.stdout });

    expect(files).toEqual(['report.html', 'projection.json', 'projection.csv'].map((f) => join(dir, f)));
    expect(readdirSync(dir).sort()).toEqual(['projection.csv', 'projection.json', 'report.html']);
    expect(JSON.parse(readFileSync(join(dir, 'projection.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(deterministicJson(projectDeterministic(loaded)))));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('id="s-pyramids"');
    expect(html).toContain('--set assumptions.srb.value=1.1');
    expect(html).not.toContain('id="s-drivers"');
    // the assumptions table shows the overridden value
    expect(html).toMatch(/<code>srb<\/code><\/td><td>[^<]*<\/td><td><code>1\.1<\/code>/);
  });
});

describe('deterministicResult', () => {
  it('is a result of no draws: the path in `deterministic`, every quantile null, no targets', async () => {
    const loaded = await loadScenario('scenarios/heze.yml');
    const d = projectDeterministic(loaded);

    const r = deterministicResult(loaded, d, []);

    expect(r.run.draws).toBe(0);
    expect(r.targets).toEqual([]);
    const share = r.metrics.find((m) => m.name === 'urbanShare')!;
    expect(share.deterministic).toEqual(d.series[d.metrics.findIndex((m) => m.name === 'urbanShare')]);
    expect(Object.values(share.quantiles).flat().every((x) => x === null)).toBe(true);
    expect(r.metrics.find((m) => m.kind === 'flow')!.deterministic[0]).toBeNull();
    expect(r.pyramids).toEqual(d.pyramids);
    expect(r.inputs.find((i) => i.name === 'ruralToUrban.value')!.label).toBe('rural→urban migration rate');
  });
});
