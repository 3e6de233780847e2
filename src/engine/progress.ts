/**
 * A progress bar with ETA on stderr, shown only when stderr is a terminal, progress is wanted
 * (not `--quiet`) and the run has already taken more than a second; it never touches stdout.
 *
 * @module
 */

/** Where the bar is drawn (process.stderr, or a stand-in in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/** Reports progress of a run. */
export interface Progress {
  /** `done` of `total` draws of the main run are finished. */
  draws(done: number): void;
  /** A phase without a known length (e.g. the lever search), with a counter. */
  phase(label: string, count: number): void;
  /** Clears the bar. */
  end(): void;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * One line of the bar: `[#####-----]  45%  4,500/10,000 draws  ETA 12s`.
 *
 * @example
 * formatProgress(4500, 10000, 10, 10); // '[#####.....]  45%  4,500/10,000 draws  ETA 12s'
 */
export function formatProgress(done: number, total: number, elapsedSeconds: number, width = 30): string {
  const f = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(f * width);
  const eta = done > 0 ? (elapsedSeconds * (total - done)) / done : Infinity;
  const n = new Intl.NumberFormat('en-US');
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%  ${n.format(done)}/${n.format(total)} draws  ETA ${clock(eta)}`;
}

/**
 * Creates the progress reporter for a run of `total` draws.
 *
 * @example
 * const progress = createProgress(10_000, options.progress);
 * progress.draws(2500);
 * progress.end();
 */
export function createProgress(total: number, wanted: boolean, stream: ProgressStream = process.stderr, now: () => number = () => performance.now()): Progress {
  const start = now();
  let shown = false;
  let last = -Infinity;
  const draw = (line: string) => {
    const t = now();
    if (!shown && t - start < 1000) return;
    if (t - last < 100) return;
    last = t;
    shown = true;
    stream.write(`\r${line.slice(0, Math.max(10, (stream.columns ?? 80) - 1))}\x1b[K`);
  };
  if (!wanted || !stream.isTTY) return { draws() {}, phase() {}, end() {} };
  return {
    draws(done) {
      draw(formatProgress(done, total, (now() - start) / 1000));
    },
    phase(label, count) {
      draw(`${label}: ${count}`);
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
