/**
 * The words of the HTML report, in English and Chinese (the likelihood terms and table heads
 * shared with the terminal report come from `../words.ts`).
 *
 * @module
 */
import type { Lang } from '../format.js';

export interface HtmlWords {
  title: string;
  identity: { scenario: string; sha256: string; sets: string; noSets: string; model: string; draws: string; seed: string; engine: string; date: string; lhs: string; deterministic: string; ess: string; essOf: (draws: string, minEss: string, observations: number) => string };
  sections: { targets: string; share: string; total: string; flows: string; decomposition: string; pyramids: string; drivers: string; assumptions: string; notes: string };
  head: { interval95: string; interval80: string; source: string };
  assumptions: { param: string; label: string; value: string; change: string; median: string; why: string; unavailable: string };
  axis: { year: string; share: string; total: string; contribution: string; unit: (unit: string) => string };
  legend: { median: string; path: string; band50: string; band80: string; band95: string; census: string; yearEnd: string; target: string; net: string };
  pyramid: { baseline: (year: number) => string; horizon: (year: number) => string; urban: string; rural: string; male: string; female: string; persons: string; age: string };
  /** The deterministic page's note where the targets would be. */
  deterministicTargets: string;
  contrib: Record<string, string>;
  joint: (n: number) => string;
  noTargets: string;
  noDrivers: string;
  notes: string[];
}

const EN: HtmlWords = {
  title: 'Urbanisation scenario report',
  identity: {
    scenario: 'Scenario file',
    sha256: 'SHA-256',
    sets: 'Overrides (--set)',
    noSets: 'none',
    model: 'Model',
    draws: 'Draws',
    seed: 'Seed',
    engine: 'Engine',
    date: 'Run',
    lhs: 'Latin hypercube',
    deterministic: 'none: one projection with every input at its median',
    ess: 'Effective sample size',
    essOf: (draws, minEss, k) => `of ${draws} draws (minEss ${minEss}; importance weights from ${k} observation${k === 1 ? '' : 's'})`,
  },
  sections: {
    targets: 'Targets',
    share: 'Urban share',
    total: 'Total population',
    flows: 'Flows between rural and urban',
    decomposition: 'What moves the urban share, median path',
    pyramids: 'Population by age, sex and area, median path',
    drivers: 'Drivers of each target',
    assumptions: 'Assumptions',
    notes: 'How to read this report',
  },
  head: { interval95: '95% interval', interval80: '80% interval', source: 'source (document:line)' },
  assumptions: { param: 'parameter', label: 'meaning', value: 'value or distribution', change: 'change per year', median: 'median', why: 'why', unavailable: 'The scenario file could not be read again; only the uncertain inputs and their medians are shown.' },
  axis: {
    year: 'Year',
    share: 'Urban share of residents (%)',
    total: 'Resident population (persons)',
    contribution: 'Urban share change (pp per year)',
    unit: (u) => ({ share: '%', persons: 'persons', 'persons/yr': 'persons per year', 'per year': 'per year' })[u] ?? u,
  },
  legend: { median: 'median', path: 'projection, every input at its median', band50: '50% band', band80: '80% band', band95: '95% band', census: 'census', yearEnd: 'year-end figure', target: 'target, shaded by P(met)', net: 'net change' },
  pyramid: {
    baseline: (y) => `${y} (baseline)`,
    horizon: (y) => `${y} (horizon)`,
    urban: 'urban',
    rural: 'rural',
    male: '← males',
    female: 'females →',
    persons: 'persons per 5-year age group',
    age: 'age',
  },
  deterministicTargets: 'One projection with every uncertain input at its median: no probabilities. Run without --deterministic for the targets’ probabilities, intervals, levers and drivers.',
  contrib: {
    'contrib.natural': 'natural increase',
    'contrib.internal': 'internal migration',
    'contrib.reclassification': 'reclassification',
    'contrib.external': 'external migration',
  },
  joint: (n) => `All ${n} milestone targets met together`,
  noTargets: 'The scenario has no targets.',
  noDrivers: 'sensitivity analysis not run',
  notes: [
    'P(met): share of Monte Carlo draws meeting the target ± its standard error. Intervals: percentiles of the outcome across draws (80%: 10th–90th; 95%: 2.5th–97.5th).',
    'needs: the level of the target’s lever (the column before: its own, or the scenario’s) at which P(met) would be 50% (the scenario’s own level in parentheses). Drivers: first-order sensitivity index (share of the outcome’s variance explained by one input); ↑ raises, ↓ lowers the outcome.',
    'Bands show where the projections fall in 50, 80 and 95 of 100 draws; the decomposition follows the path with every input at its median.',
  ],
};

const ZH: HtmlWords = {
  title: '城镇化情景报告',
  identity: {
    scenario: '情景文件',
    sha256: 'SHA-256',
    sets: '命令行覆盖（--set）',
    noSets: '无',
    model: '模型',
    draws: '抽样次数',
    seed: '随机种子',
    engine: '引擎版本',
    date: '运行时间',
    lhs: '拉丁超立方抽样',
    deterministic: '无：所有输入取中位数的单次预测',
    ess: '有效样本量',
    essOf: (draws, minEss, k) => `／${draws} 次抽样（minEss ${minEss}；按 ${k} 个观测值计算重要性权重）`,
  },
  sections: {
    targets: '规划目标',
    share: '常住人口城镇化率',
    total: '常住人口',
    flows: '城乡之间的人口流动',
    decomposition: '城镇化率变化的来源（中位路径）',
    pyramids: '分年龄、性别、城乡人口（中位路径）',
    drivers: '各目标的主要影响因素',
    assumptions: '假设',
    notes: '阅读说明',
  },
  head: { interval95: '95%区间', interval80: '80%区间', source: '来源（文件:行）' },
  assumptions: { param: '参数', label: '含义', value: '取值或分布', change: '年变化', median: '中位数', why: '依据', unavailable: '无法重新读取情景文件；仅列出不确定输入及其中位数。' },
  axis: {
    year: '年份',
    share: '常住人口城镇化率（%）',
    total: '常住人口（人）',
    contribution: '城镇化率年变化（百分点）',
    unit: (u) => ({ share: '%', persons: '人', 'persons/yr': '人/年', 'per year': '每年' })[u] ?? u,
  },
  legend: { median: '中位数', path: '所有输入取中位数的预测', band50: '50%区间', band80: '80%区间', band95: '95%区间', census: '人口普查', yearEnd: '年末统计', target: '目标（颜色深浅表示达成概率）', net: '净变化' },
  pyramid: {
    baseline: (y) => `${y}年（基期）`,
    horizon: (y) => `${y}年（规划期末）`,
    urban: '城镇',
    rural: '乡村',
    male: '← 男性',
    female: '女性 →',
    persons: '每5岁年龄组人数',
    age: '年龄',
  },
  deterministicTargets: '所有不确定输入取中位数的单次预测，不给出概率。去掉 --deterministic 运行可得到各目标的达成概率、区间、所需水平和主要影响因素。',
  contrib: {
    'contrib.natural': '自然增长',
    'contrib.internal': '城乡迁移',
    'contrib.reclassification': '区划调整（就地城镇化）',
    'contrib.external': '跨区域迁移',
  },
  joint: (n) => `全部 ${n} 个里程碑目标同时达成`,
  noTargets: '情景中没有目标。',
  noDrivers: '未进行敏感性分析',
  notes: [
    '达成概率：达到目标的蒙特卡洛抽样比例 ± 标准误。区间：各次抽样结果的百分位数（80%：第10至90百分位；95%：第2.5至97.5百分位）。',
    '所需水平：使达成概率为50%的该目标杠杆参数（前一列）的水平（括号内为情景假设值）。影响因素：一阶敏感性指数（单个输入解释的结果方差比例）；↑ 提高、↓ 降低结果。',
    '阴影带表示100次抽样中50、80、95次落入的范围；分解图沿所有输入取中位数的路径计算。',
  ],
};

/**
 * @example
 * htmlWords('zh').sections.targets; // '规划目标'
 */
export function htmlWords(lang: Lang): HtmlWords {
  return lang === 'zh' ? ZH : EN;
}
