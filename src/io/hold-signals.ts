/**
 * SIGINT, SIGTERM and SIGHUP wait while outputs are being written: a Ctrl-C in the middle of
 * writing a set would otherwise end the process between two renames. The signal is noted, the
 * writing finishes (or fails and cleans up), and then the signal is raised again with its default
 * action, so the process still stops as asked, with the outputs whole.
 *
 * @module
 */

/** The part of `process` used here (a stand-in in tests). */
export interface SignalTarget {
  readonly pid: number;
  on(event: HeldSignal, listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: HeldSignal, listener: (signal: NodeJS.Signals) => void): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

/** The signals held. */
export type HeldSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const HELD: HeldSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `write` (which may be synchronous) with the signals held, then raises a signal that came
 * meanwhile. Returns what `write` returned, or throws what it threw.
 *
 * @example
 * const files = await holdSignals(() => writeOutputSet('out', { 'result.json': json }));
 */
export async function holdSignals<T>(write: () => T | Promise<T>, proc: SignalTarget = process): Promise<T> {
  let got: NodeJS.Signals | undefined;
  const note = (signal: NodeJS.Signals) => void (got ??= signal);
  for (const s of HELD) proc.on(s, note);
  try {
    return await write();
  } finally {
    // A signal that arrived during synchronous writes is read in the event loop's poll phase; the
    // first immediate may still run in the current check phase, the second runs after a poll.
    for (let turn = 0; turn < 2; turn++) await new Promise((r) => setImmediate(r));
    for (const s of HELD) proc.off(s, note);
    if (got !== undefined) proc.kill(proc.pid, got);
  }
}
