/**
 * Ctrl-C and `kill`: SIGINT and SIGTERM during a run abort it (the engine stops its worker pool
 * and nothing is written), and the command exits with 128 + the signal's number. A second signal
 * while the run is stopping ends the process at once.
 *
 * @module
 */

/** The run was stopped by a signal (exit code 130 for SIGINT, 143 for SIGTERM). */
export class Interrupted extends Error {
  readonly exitCode: number;
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(`interrupted (${signal}): the run was stopped and nothing was written`);
    this.name = 'Interrupted';
    this.exitCode = signal === 'SIGINT' ? 130 : 143;
  }
}

/** The part of `process` used here (a stand-in in tests). */
export interface SignalSource {
  readonly pid: number;
  on(event: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

/**
 * Runs `f` with an `AbortSignal` that SIGINT or SIGTERM aborts; if `f` then fails (as an aborted
 * run does), throws {@link Interrupted}. The handlers are removed when `f` settles.
 *
 * @example
 * const result = await interruptible((signal) => runScenario(loaded, { signal }));
 */
export async function interruptible<T>(f: (signal: AbortSignal) => Promise<T>, proc: SignalSource = process): Promise<T> {
  const stop = new AbortController();
  let got: 'SIGINT' | 'SIGTERM' | undefined;
  const off = () => {
    proc.off('SIGINT', handler);
    proc.off('SIGTERM', handler);
  };
  function handler(signal: NodeJS.Signals): void {
    if (got !== undefined) {
      off(); // a second signal: stop waiting for a clean stop, let the default action end the process
      proc.kill(proc.pid, signal);
      return;
    }
    got = signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
    stop.abort();
  }
  proc.on('SIGINT', handler);
  proc.on('SIGTERM', handler);
  try {
    return await f(stop.signal);
  } catch (e) {
    throw got !== undefined ? new Interrupted(got) : e;
  } finally {
    off();
  }
}
