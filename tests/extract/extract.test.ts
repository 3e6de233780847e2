/**
 * The extractor on plan snippets written for these tests (wordings and layouts other than the
 * seed documents'), then on the five seed documents in ../shared/seeds when they are there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PlanInputError, readPlan } from '../../src/extract/decode.js';
import { extractFigures, type ExtractedEntry } from '../../src/extract/extract.js';
import { seedYaml } from '../../src/extract/seed-yaml.js';
import { SeedFileSchema } from '../../src/scenario/seed-file.js';

const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/extract/${f}`, import.meta.url));
const opts = { document: 'plan.txt', region: '沂蒙市', city: 'yimeng' };
const brief = (e: ExtractedEntry) => [e.source.line, e.indicator, e.region, e.year ?? e.years, e.comparator, e.value, e.unit, e.kind];
const run = (lines: string[]) => extractFigures(lines.join('\n'), opts);
const PREAMBLE = ['沂蒙市人民政府关于印发沂蒙市新型城镇化规划的通知', '各县区人民政府，市政府各部门：现将规划印发给你们，请认真贯彻执行。'];

describe('extractFigures on written snippets', () => {
  it('reads a whole synthetic plan: text, table, baselines, targets, flows, a sub-region and a relative target', () => {
    const entries = extractFigures(readFileSync(fixture('synthetic-plan.txt'), 'utf8'), opts);

    expect(entries.map(brief)).toEqual([
      [6, 'resident_urbanisation_rate', '沂蒙市', 2025, '=', 58.2, 'percent', 'baseline'],
      [6, 'hukou_urbanisation_rate', '沂蒙市', 2025, '=', 49.6, 'percent', 'baseline'],
      [6, 'resident_population', '沂蒙市', 2025, '=', 1102, '10k_persons', 'baseline'],
      [6, 'citizenised_migrants', '沂蒙市', [2021, 2025], '=', 38.5, '10k_persons', 'history'],
      [9, 'resident_urbanisation_rate', '沂蒙市', 2030, '>', 63, 'percent', 'target_level'],
      [9, 'hukou_urbanisation_rate', '沂蒙市', 2030, '>=', 55, 'percent', 'target_level'],
      [9, 'resident_population', '沂蒙市', 2030, '~', 1100, '10k_persons', 'target_level'],
      [10, 'citizenised_migrants', '沂蒙市', [2026, 2030], '>=', 4, '10k_persons_per_year', 'target_flow'],
      [11, 'resident_urbanisation_rate', '沂蒙中心城区', 2030, '>=', 85, 'percent', 'target_level'],
      [12, 'urbanisation_gain_vs_province', '沂蒙市', [2026, 2030], '>=', 0.3, 'pp_per_year', 'relative_target'],
      [17, 'resident_urbanisation_rate', '沂蒙市', 2025, '=', 58.2, 'percent', 'baseline'],
      [17, 'resident_urbanisation_rate', '沂蒙市', 2030, '=', 62, 'percent', 'target_level'],
      [18, 'hukou_urbanisation_rate', '沂蒙市', 2025, '=', 49.6, 'percent', 'baseline'],
      [18, 'hukou_urbanisation_rate', '沂蒙市', 2030, '>=', 55, 'percent', 'target_level'],
      [19, 'resident_population', '沂蒙市', 2025, '=', 1102, '10k_persons', 'baseline'],
      [19, 'resident_population', '沂蒙市', 2030, '=', 1100, '10k_persons', 'target_level'],
    ]);
  });

  it('marks a text and a table that disagree (63 vs 62), both ways, and not those that agree', () => {
    const entries = extractFigures(readFileSync(fixture('synthetic-plan.txt'), 'utf8'), opts);
    const text = entries.find((e) => e.from === 'text' && e.value === 63)!;
    const table = entries.find((e) => e.from === 'table' && e.value === 62)!;

    expect(text.conflict).toBe(table.id);
    expect(table.conflict).toBe(text.id);
    expect(text.note).toContain('DISAGREES');
    expect(entries.filter((e) => e.conflict !== undefined)).toHaveLength(2);
  });

  it('reads GBK to the same figures as UTF-8', () => {
    const gbk = extractFigures(readPlan(fixture('synthetic-plan-gbk.txt')).text, opts);

    expect(gbk).toEqual(extractFigures(readFileSync(fixture('synthetic-plan.txt'), 'utf8'), opts));
  });

  it('pairs a 分别 list in order, and takes the year from the line opening the paragraph', () => {
    const entries = run([...PREAMBLE, '到2035年，基本实现新型城镇化。', '常住人口城镇化率和户籍人口城镇化率分别达到75%和68%左右。']);

    expect(entries.map(brief)).toEqual([
      [4, 'resident_urbanisation_rate', '沂蒙市', 2035, '>=', 75, 'percent', 'target_level'],
      [4, 'hukou_urbanisation_rate', '沂蒙市', 2035, '~', 68, 'percent', 'target_level'],
    ]);
  });

  it('reads a table with one cell per line (rows separated by blank lines) and signs in its cells', () => {
    const cells = (xs: string[]) => xs.map((x) => `\t${x}`);
    const lines = [...PREAMBLE, '专栏 主要指标', ...cells(['序号', '指标', '单位', '2020年', '2025年', '2035年']), '', ...cells(['1', '常住人口城镇化率', '%', '48.1', '≥55', '>65']), '', ...cells(['2', '城乡居民收入比', '/', '2.3', '2.1', '-']), '', '正文继续。'];

    const entries = run(lines);

    expect(entries.map(brief)).toEqual([
      [14, 'resident_urbanisation_rate', '沂蒙市', 2020, '=', 48.1, 'percent', 'baseline'],
      [15, 'resident_urbanisation_rate', '沂蒙市', 2025, '>=', 55, 'percent', 'target_level'],
      [16, 'resident_urbanisation_rate', '沂蒙市', 2035, '>', 65, 'percent', 'target_level'],
    ]);
    expect(entries.map((e) => e.source.quote)).toEqual(['48.1', '≥55', '>65']);
  });

  it('leaves out the province, the country, towns and rates of change that are not levels', () => {
    const entries = run([
      ...PREAMBLE,
      '到2030年，全省常住人口城镇化率达到70%，全国常住人口城镇化率达到70%左右。',
      '培育重点镇镇区常住人口超过5万人。',
      '常住人口城镇化率年均提高1.2个百分点。',
      '全市常住人口城镇化率达到66%。',
    ]);

    expect(entries.map(brief)).toEqual([[6, 'resident_urbanisation_rate', '沂蒙市', 2030, '>=', 66, 'percent', 'target_level']]);
  });

  it('reads 由 … 提高到 … with a year for each value', () => {
    const entries = run([...PREAMBLE, '全市常住人口城镇化率由2020年的48.5%提高到2025年的55%，户籍人口城镇化率提高到2025年的45%以上。']);

    expect(entries.map(brief)).toEqual([
      [3, 'resident_urbanisation_rate', '沂蒙市', 2020, '=', 48.5, 'percent', 'history'],
      [3, 'resident_urbanisation_rate', '沂蒙市', 2025, '>=', 55, 'percent', 'target_level'],
      [3, 'hukou_urbanisation_rate', '沂蒙市', 2025, '>=', 45, 'percent', 'target_level'],
    ]);
  });

  it('reads registered and urban population, a label with its unit in brackets and headers such as 2025年目标值', () => {
    const entries = run([
      ...PREAMBLE,
      '到2030年，全市户籍人口达到900万人，城镇人口达到650万人左右。',
      '指标\t2020年（基期）\t2030年目标值',
      '常住人口城镇化率（%）\t52.3\t≥62',
      '正文。',
    ]);

    expect(entries.map(brief)).toEqual([
      [3, 'registered_population', '沂蒙市', 2030, '>=', 900, '10k_persons', 'target_level'],
      [3, 'urban_population', '沂蒙市', 2030, '~', 650, '10k_persons', 'target_level'],
      [5, 'resident_urbanisation_rate', '沂蒙市', 2020, '=', 52.3, 'percent', 'baseline'],
      [5, 'resident_urbanisation_rate', '沂蒙市', 2030, '>=', 62, 'percent', 'target_level'],
    ]);
  });

  it('reads CRLF line ends to the same lines and quotes', () => {
    const text = readFileSync(fixture('synthetic-plan.txt'), 'utf8');

    expect(extractFigures(text.replace(/\n/g, '\r\n'), opts)).toEqual(extractFigures(text, opts));
  });

  it('reads full-width digits and 近/约 amounts written before the noun', () => {
    const entries = run([...PREAMBLE, '到２０３０年，全市常住人口城镇化率提高到６５．５％，服务全市约千万常住人口。']);

    expect(entries.map(brief)).toEqual([
      [3, 'resident_urbanisation_rate', '沂蒙市', 2030, '>=', 65.5, 'percent', 'target_level'],
      [3, 'resident_population', '沂蒙市', 2030, '~', 1000, '10k_persons', 'target_level'],
    ]);
  });

  it('quotes a verbatim substring of the cited line holding the value', () => {
    const text = readFileSync(fixture('synthetic-plan.txt'), 'utf8');
    const lines = text.split('\n');

    for (const e of extractFigures(text, opts)) {
      expect(lines[e.source.line - 1]).toContain(e.source.quote);
      expect(e.source.quote.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))).toContain(String(e.value));
    }
  });

  it('refuses a text that is not Chinese, and a Chinese text without figures', () => {
    expect(() => extractFigures('Minutes of the meeting. '.repeat(40), opts)).toThrow(/not a Chinese plan text/);
    expect(() => run([...PREAMBLE, '加强生态环境保护，推进绿色低碳发展，提升城市治理水平。'])).toThrow(PlanInputError);
    expect(() => run([...PREAMBLE, '加强生态环境保护。'])).toThrow(/no population or urbanisation figure found/);
  });

  it('writes a seed file that passes the seed schema', () => {
    const entries = extractFigures(readFileSync(fixture('synthetic-plan.txt'), 'utf8'), opts);
    const yaml = seedYaml({ city: 'yimeng', name: '沂蒙市', document: 'plan.txt', entries, header: ['test'] });

    const r = SeedFileSchema.safeParse(parse(yaml));

    expect(r.success, r.error?.message).toBe(true);
    expect(r.data!.entries).toHaveLength(entries.length);
    expect(r.data!.entries[10].source.quote).toBe('常住人口城镇化率\t%\t58.2\t62');
  });
});

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const documentsDir = resolve(repoRoot, '..', 'shared', 'seeds');
const haveDocuments = existsSync(documentsDir);
if (!haveDocuments) console.log(`extract: ${documentsDir} is absent, so the seed documents are not extracted (tests skipped)`);

describe.skipIf(!haveDocuments)('extractFigures on the seed documents (../shared/seeds)', () => {
  const docs = [
    ['000_bbd8cceb70162682.txt', '菏泽市', 'heze'],
    ['001_c2a0322c38666a38.txt', '济宁市', 'jining'],
    ['002_35e0d9f1c9e42db1.txt', '菏泽市', 'heze'],
    ['004_43e8f7ab100e9502.txt', '济南市', 'jinan'],
  ];

  it.each(docs)('%s: the seed file it writes passes the checks of tests/seeds/provenance.test.ts', (document, region, city) => {
    const text = readPlan(join(documentsDir, document)).text;
    const entries = extractFigures(text, { document, region, city });
    const data = parse(seedYaml({ city, name: region, document, entries, header: [] }));
    const lines = text.split(/\r?\n/);

    expect(SeedFileSchema.safeParse(data).success).toBe(true);
    for (const e of data.entries as ExtractedEntry[]) {
      expect(lines[e.source.line - 1], e.id).toContain(e.source.quote);
      const numbers = [...e.source.quote.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
      if (numbers.length > 0) expect(numbers.some((n) => [-4, -3, -2, -1, 0, 1, 2, 3, 4].some((k) => Math.abs(n - e.value * 10 ** k) <= 1e-9 * Math.max(1, n))), e.id).toBe(true);
    }
  });

  it('003 (work tasks without population figures) is refused with the reason', () => {
    const document = '003_a6d61ab50cb7c05a.txt';

    expect(() => extractFigures(readPlan(join(documentsDir, document)).text, { document, region: '菏泽市', city: 'heze' })).toThrow(/no population or urbanisation figure/);
  });
});
