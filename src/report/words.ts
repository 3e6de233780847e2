/**
 * The words of the terminal report, in English and Chinese. The Chinese likelihood terms are
 * those of the Chinese edition of the IPCC AR5 reports (几乎确定 99–100 %, 很可能 90–100 %,
 * 可能 66–100 %, 或许可能 33–66 %, 不可能 0–33 %, 很不可能 0–10 %, 几乎不可能 0–1 %).
 *
 * @module
 */
import type { Verdict } from '../engine/verdict.js';
import type { WorkersLimit } from '../engine/workers.js';
import type { Lang } from './format.js';

export interface Words {
  verdict: Record<Verdict, string>;
  head: {
    target: string;
    year: string;
    threshold: string;
    median: string;
    pMet: string;
    verdict: string;
    /** The parameter the "needs" column is about. */
    leverName: string;
    lever: string;
    driver: string;
  };
  draws: string;
  seed: string;
  /** Threads that ran draws, and why fewer than asked when so. */
  workers: (n: number, limit?: WorkersLimit) => string;
  model: string;
  seconds: string;
  lhs: string;
  assumed: string;
  anyLevel: (lo: string, hi: string) => string;
  noLevel: (lo: string, hi: string) => string;
  joint: (n: number) => string;
  noTargets: string;
  notes: (leverDraws: number) => string[];
}

const EN: Words = {
  verdict: {
    'virtually certain': 'virtually certain',
    'very likely': 'very likely',
    likely: 'likely',
    'about as likely as not': 'about as likely as not',
    unlikely: 'unlikely',
    'very unlikely': 'very unlikely',
    'exceptionally unlikely': 'exceptionally unlikely',
  },
  head: {
    target: 'target',
    year: 'year',
    threshold: 'threshold',
    median: 'median (80% interval)',
    pMet: 'P(met) ± se',
    verdict: 'verdict',
    leverName: 'lever',
    lever: 'needs (assumed)',
    driver: 'top driver',
  },
  draws: 'draws',
  seed: 'seed',
  workers: (n, limit) =>
    `${n === 1 ? '1 worker' : `${n} workers`}${limit === undefined ? '' : ` (of ${limit.asked} asked: ${limit.by === 'cores' ? `the machine has ${limit.max} cores` : `the run has ${limit.max} batches`})`}`,
  model: 'model',
  seconds: 's',
  lhs: 'Latin hypercube',
  assumed: 'assumed',
  anyLevel: (lo, hi) => `≥50% at any level ${lo}–${hi}`,
  noLevel: (lo, hi) => `<50% at any level ${lo}–${hi}`,
  joint: (n) => `All ${n} milestone targets met together`,
  noTargets: 'The scenario has no targets.',
  notes: (n) => [
    'P(met): share of draws meeting the target ± its Monte Carlo standard error; 80% interval: 10th to 90th percentile of the outcome.',
    `needs: level of the target's lever at which P(met) = 50% (${n} draws per evaluation); top driver: largest first-order sensitivity index (↑ raises, ↓ lowers the outcome).`,
  ],
};

const ZH: Words = {
  verdict: {
    'virtually certain': '几乎确定',
    'very likely': '很可能',
    likely: '可能',
    'about as likely as not': '或许可能',
    unlikely: '不可能',
    'very unlikely': '很不可能',
    'exceptionally unlikely': '几乎不可能',
  },
  head: {
    target: '目标',
    year: '年份',
    threshold: '目标值',
    median: '中位数（80%区间）',
    pMet: '达成概率 ± 标准误',
    verdict: '判断',
    leverName: '杠杆参数',
    lever: '所需水平（假设）',
    driver: '主要影响因素',
  },
  draws: '次抽样',
  seed: '种子',
  workers: (n, limit) => `${n} 线程${limit === undefined ? '' : `（请求 ${limit.asked}：${limit.by === 'cores' ? `本机 ${limit.max} 核` : `本次仅 ${limit.max} 批`}）`}`,
  model: '模型',
  seconds: '秒',
  lhs: '拉丁超立方抽样',
  assumed: '假设',
  anyLevel: (lo, hi) => `在 ${lo}–${hi} 内均 ≥50%`,
  noLevel: (lo, hi) => `在 ${lo}–${hi} 内均 <50%`,
  joint: (n) => `全部 ${n} 个里程碑目标同时达成`,
  noTargets: '情景中没有目标。',
  notes: (n) => [
    '达成概率：达到目标的抽样比例 ± 蒙特卡洛标准误；80%区间：第10至第90百分位数。',
    `所需水平：使达成概率为50%的该目标杠杆参数水平（每次评估 ${n} 次抽样）；主要影响因素：一阶敏感性指数最大的输入（↑ 提高、↓ 降低结果）。`,
  ],
};

/**
 * @example
 * words('zh').verdict.likely; // '可能'
 */
export function words(lang: Lang): Words {
  return lang === 'zh' ? ZH : EN;
}
