/**
 * `simulate --timings`: where a run's wall time went, one line on stderr after the report.
 * Start-up is the time from the process's start (`performance.timeOrigin`) to the engine's
 * start: Node's boot, imports, loading and validating the scenario. Process exit (closing the
 * worker threads' last handles) comes after the line and is not in it. "What would it take" is
 * what is left of the lever search once the draws are done: its evaluations start during them.
 *
 * @module
 */
import type { RunPhase } from '../engine/run.js';

/** Labels of the engine's phases, in the order they run. */
const LABELS: Record<RunPhase['name'], string> = {
  compile: 'compile',
  start: 'workers + median path',
  draws: 'draws',
  levers: 'what would it take',
  summary: 'summary',
};

/** What {@link formatTimings} reports: the engine's phases and the times around them (seconds). */
export interface Timings {
  /** Process start → engine start. */
  startup: number;
  phases: RunPhase[];
  /** Writing the report. */
  report: number;
  /** Process start → report written. */
  total: number;
}

const s = (x: number) => `${x.toFixed(2)} s`;
const count = (k: number, what: string) => `${new Intl.NumberFormat('en-US').format(k)} ${what}${k === 1 ? '' : 's'}`;

/**
 * One line: every phase's wall time, with what it did.
 *
 * @example
 * formatTimings({ startup: 0.21, phases: [{ name: 'draws', seconds: 0.7, draws: 10000, workers: 2 }], report: 0.01, total: 0.92 });
 * // 'timings: start-up 0.21 s · draws 0.70 s (10,000 draws, 2 workers) · report 0.01 s · total 0.92 s'
 */
export function formatTimings(t: Timings): string {
  const parts = [`start-up ${s(t.startup)}`];
  for (const p of t.phases) {
    const what =
      p.name === 'draws'
        ? ` (${count(p.draws ?? 0, 'draw')}, ${count(p.workers ?? 0, 'worker')})`
        : p.name === 'levers'
          ? ` (${count(p.evaluations ?? 0, 'evaluation')} × ${count(p.leverDraws ?? 0, 'draw')})`
          : '';
    parts.push(`${LABELS[p.name]} ${s(p.seconds)}${what}`);
  }
  parts.push(`report ${s(t.report)}`, `total ${s(t.total)}`);
  return `timings: ${parts.join(' · ')}`;
}
