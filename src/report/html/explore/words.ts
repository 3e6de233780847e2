/**
 * The words of the interactive panel, in English and Chinese.
 *
 * @module
 */
import type { Lang } from '../../format.js';

export interface ExploreWords {
  title: string;
  intro: string;
  assumption: string;
  stated: string;
  centre: string;
  spread: string;
  leverOf: (targets: string) => string;
  draws: string;
  reset: string;
  fileRun: (draws: string) => string;
  running: (done: string, total: string) => string;
  pageRun: (draws: string, seconds: string) => string;
  failed: (message: string) => string;
  command: string;
  leverNote: string;
  noWorker: string;
}

const EN: ExploreWords = {
  title: 'Explore: move an assumption',
  intro:
    'Move an assumption’s centre (and, if you like, its spread): the page draws again in your browser with the engine’s own code, and the targets, fans, decomposition and drivers follow. The same seed and draws give the command line’s numbers bit for bit.',
  assumption: 'assumption',
  stated: 'in the scenario',
  centre: 'centre',
  spread: 'spread ×',
  leverOf: (t) => `lever of ${t}`,
  draws: 'draws',
  reset: 'Reset to the file',
  fileRun: (n) => `Showing the file’s run (${n} draws).`,
  running: (d, n) => `Drawing… ${d} of ${n}`,
  pageRun: (n, s) => `Showing ${n} draws with the moved assumptions, drawn in the browser in ${s} s.`,
  failed: (m) => `Cannot draw with these assumptions: ${m}`,
  command: 'The same with the command line:',
  leverNote: '“What would it take” is not searched in the page (it needs many runs); the command line gives it.',
  noWorker: 'This browser cannot run the draws (no Web Worker or WebAssembly allowed); the report shows the file’s run.',
};

const ZH: ExploreWords = {
  title: '探索：调整一项假设',
  intro: '移动某项假设的中心值（也可调整其离散程度）：页面在浏览器中用引擎自身的代码重新抽样，规划目标、扇形图、分解图和驱动因素随之更新。相同的随机种子和抽样次数与命令行结果逐位一致。',
  assumption: '假设',
  stated: '情景文件中',
  centre: '中心值',
  spread: '离散 ×',
  leverOf: (t) => `${t} 的调节杠杆`,
  draws: '抽样次数',
  reset: '恢复为文件中的值',
  fileRun: (n) => `当前显示情景文件的运行结果（${n} 次抽样）。`,
  running: (d, n) => `抽样中… ${d} / ${n}`,
  pageRun: (n, s) => `当前显示调整假设后的 ${n} 次抽样，在浏览器中用时 ${s} 秒。`,
  failed: (m) => `无法按这些假设抽样：${m}`,
  command: '等效的命令行：',
  leverNote: '页面中不搜索“需要达到的水平”（需多次运行）；请用命令行获得。',
  noWorker: '此浏览器无法运行抽样（不允许 Web Worker 或 WebAssembly）；报告显示情景文件的运行结果。',
};

/**
 * @example
 * exploreWords('zh').reset; // '恢复为文件中的值'
 */
export function exploreWords(lang: Lang): ExploreWords {
  return lang === 'zh' ? ZH : EN;
}
