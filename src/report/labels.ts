/**
 * Chinese labels of parameters, inputs and metrics, keyed by parameter key and metric name (the
 * models' own labels are English). Unknown keys keep the model's label, so a new model's
 * parameters still show, in English, until they are added here.
 *
 * @module
 */
import type { Lang } from './format.js';

/** Parameter keys (`ParamDecl.key`) of the registered models. */
const PARAM_ZH: Record<string, string> = {
  'tfr.urban': '总和生育率（城镇）',
  'tfr.rural': '总和生育率（乡村）',
  'e0.urban.female': '出生时预期寿命（城镇女性）',
  'e0.urban.male': '出生时预期寿命（城镇男性）',
  'e0.rural.female': '出生时预期寿命（乡村女性）',
  'e0.rural.male': '出生时预期寿命（乡村男性）',
  srb: '出生性别比',
  ruralToUrban: '乡→城迁移率',
  urbanToRural: '城→乡迁移率',
  reclassification: '区划调整率',
  'external.urban.rate': '跨区域净迁移率（城镇）',
  'external.rural.rate': '跨区域净迁移率（乡村）',
  'external.urban.count': '跨区域净迁移人数（城镇）',
  'external.rural.count': '跨区域净迁移人数（乡村）',
  'cbr.urban': '粗出生率（城镇）',
  'cbr.rural': '粗出生率（乡村）',
  'cdr.urban': '粗死亡率（城镇）',
  'cdr.rural': '粗死亡率（乡村）',
  urgd: '城乡人口增长率差',
  growth: '总人口增长率',
  'drift.target': '长期城乡人口增长率差',
  'drift.speed': '城乡增长率差的收敛速度',
  'hukou.baseline.registered': '基期户籍人口',
  'hukou.baseline.hukouShare': '基期户籍人口城镇化率',
  'hukou.baseline.nonLocal': '基期外来常住人口',
  'hukou.conversion.rate': '农业转移人口落户率',
  'hukou.conversion.count': '农业转移人口年落户人数',
  'hukou.reclassifiedGain': '村改居人口转为城镇户籍的比例',
  'hukou.arrivalsNonLocal': '净迁入人口中外地户籍的比例',
  'hukou.outsideChange': '外出户籍人口的年变化率',
};

/** Metric names (`MetricDecl.name`) of the registered models (the cohort model's hukou accounts included). */
const METRIC_ZH: Record<string, string> = {
  total: '常住人口',
  urban: '城镇常住人口',
  rural: '乡村常住人口',
  urbanShare: '常住人口城镇化率',
  'births.U': '出生人口（城镇）',
  'births.R': '出生人口（乡村）',
  'deaths.U': '死亡人口（城镇）',
  'deaths.R': '死亡人口（乡村）',
  ruralToUrban: '乡→城迁移人口',
  urbanToRural: '城→乡迁移人口',
  reclassification: '区划调整转为城镇的人口',
  'external.U': '跨区域净迁移（城镇）',
  'external.R': '跨区域净迁移（乡村）',
  urgd: '城乡人口增长率差',
  hukouShare: '户籍人口城镇化率',
  citizenised: '农业转移人口市民化',
  registered: '户籍人口',
  hukouUrban: '城镇户籍人口',
  hukouGap: '常住与户籍人口城镇化率之差',
  urbanMigrants: '未落户的城镇常住人口',
  nonLocal: '外地户籍常住人口',
  outside: '外出户籍人口',
  outsideUrbanHukou: '外出城镇户籍人口',
  citizenisedNonLocal: '其中原为外地户籍',
  reclassifiedHukou: '村改居转为城镇户籍',
  naturalHukouUrban: '城镇户籍常住人口自然增长',
  naturalRegistered: '户籍常住人口自然增长',
};

/**
 * A parameter's label in the language (English: the model's own `label`).
 *
 * @example
 * paramLabel('ruralToUrban', 'rural→urban migration rate', 'zh'); // '乡→城迁移率'
 * paramLabel('newParam', 'new parameter', 'zh'); // 'new parameter'
 */
export function paramLabel(key: string, label: string, lang: Lang): string {
  return lang === 'zh' ? (PARAM_ZH[key] ?? label) : label;
}

/**
 * An uncertain input's label (`<param key>.value`, `.change`, `.byYear.<year>`, `.walk.<year>`, `.walk`: all its years' shifts) in the language.
 *
 * @example
 * inputLabelIn('tfr.urban.change', 'TFR, urban: annual change', 'zh'); // '总和生育率（城镇）：年变化'
 */
export function inputLabelIn(name: string, label: string, lang: Lang): string {
  if (lang !== 'zh') return label;
  const key = Object.keys(PARAM_ZH)
    .filter((k) => name.startsWith(`${k}.`))
    .sort((a, b) => b.length - a.length)[0];
  if (key === undefined) return label;
  const part = name.slice(key.length + 1);
  if (part === 'value') return PARAM_ZH[key];
  if (part === 'change') return `${PARAM_ZH[key]}：年变化`;
  const year = /^byYear\.(\d+)$/.exec(part);
  if (year) return `${PARAM_ZH[key]}（${year[1]}年）`;
  if (part === 'walk') return `${PARAM_ZH[key]}：各年随机变动`;
  const walk = /^walk\.(\d+)$/.exec(part);
  return walk ? `${PARAM_ZH[key]}：${walk[1]}年随机变动` : label;
}

/**
 * A metric's label in the language (English: the model's own `label`).
 *
 * @example
 * metricLabel('hukouShare', 'Hukou share', 'zh'); // '户籍人口城镇化率'
 */
export function metricLabel(name: string, label: string, lang: Lang): string {
  return lang === 'zh' ? (METRIC_ZH[name] ?? label) : label;
}
