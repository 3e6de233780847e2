import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cohort from '../../models/cohort/index.js';
import { HUKOU_MODEL_METRICS } from '../../models/cohort/index.js';
import { inputLabelIn, metricLabel, paramLabel } from '../../src/report/labels.js';
import { baseAssumptions, context } from '../models/cohort/helpers.js';

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

describe('zh labels', () => {
  it('names every parameter and metric of the cohort model (with its hukou accounts, both conversion forms) in Chinese', () => {
    const hukou = (conversion: unknown) => ({
      baseline: { registered: 9e6, hukouShare: 0.4, nonLocal: 1e5 },
      conversion,
      reclassifiedGain: 0.8,
    });
    const decls = [{ rate: 0.04 }, { count: 5e4 }].flatMap((c) =>
      cohort.parameters(cohort.assumptionsSchema.parse({ ...baseAssumptions(), hukou: hukou(c) }), context()),
    );

    for (const d of decls) expect(hasHan(paramLabel(d.key, d.label, 'zh')), d.key).toBe(true);
    for (const m of HUKOU_MODEL_METRICS.filter((x) => x.kind !== 'contribution')) expect(hasHan(metricLabel(m.name, m.label, 'zh')), m.name).toBe(true);
  });

  it('labels inputs by their parameter and part', () => {
    expect(inputLabelIn('ruralToUrban.value', 'rural→urban migration rate', 'zh')).toBe('乡→城迁移率');
    expect(inputLabelIn('tfr.urban.change', 'TFR, urban: annual change', 'zh')).toBe('总和生育率（城镇）：年变化');
    expect(inputLabelIn('external.urban.rate.byYear.2030', 'x in 2030', 'zh')).toBe('跨区域净迁移率（城镇）（2030年）');
    expect(inputLabelIn('ruralToUrban.walk.2023', 'rural→urban migration rate: random shift in 2023', 'zh')).toBe('乡→城迁移率：2023年随机变动');
  });

  it('keeps the model’s label in English and for unknown keys (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, label) => {
        expect(paramLabel(key, label, 'en')).toBe(label);
        expect(metricLabel(key, label, 'en')).toBe(label);
        expect(inputLabelIn(key, label, 'en')).toBe(label);
        expect(inputLabelIn(`unknownParam${key}.value`, label, 'zh')).toBe(label);
        expect(paramLabel(`unknownParam${key}`, label, 'zh')).toBe(label);
      }),
    );
  });
});
