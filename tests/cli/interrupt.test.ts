import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { interruptible, Interrupted } from '../../src/cli/interrupt.js';

/** A stand-in for `process`: signals are emitted by hand, kills are recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const kills: string[] = [];
  return { proc: Object.assign(emitter, { pid: 4242, kill: (_pid: number, s: NodeJS.Signals) => kills.push(s) }), kills };
}

/** A "run" that rejects with an AbortError when its signal is aborted, as runScenario does. */
const abortableRun = (signal: AbortSignal) =>
  new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))));

describe('interruptible', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s aborts the run, which rejects with Interrupted (exit code %i); the handlers are removed', async (signal, code) => {
    const { proc } = fakeProcess();

    const run = interruptible(abortableRun, proc);
    proc.emit(signal, signal);

    const e = await run.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Interrupted);
    expect((e as Interrupted).exitCode).toBe(code);
    expect((e as Interrupted).message).toBe(`interrupted (${signal}): the run was stopped and nothing was written`);
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('a second signal while stopping falls back to the default action (the process is killed)', async () => {
    const { proc, kills } = fakeProcess();
    let abortSeen = false;

    const run = interruptible(
      (signal) =>
        new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => (abortSeen = true));
          setImmediate(() => {
            proc.emit('SIGINT', 'SIGINT');
            proc.emit('SIGINT', 'SIGINT');
            resolve();
          });
        }),
      proc,
    );
    await run;

    expect(abortSeen).toBe(true);
    expect(kills).toEqual(['SIGINT']);
    expect(proc.listenerCount('SIGINT')).toBe(0);
  });

  it('without a signal, the result and the errors pass through unchanged', async () => {
    const { proc } = fakeProcess();

    await expect(interruptible(async () => 'done', proc)).resolves.toBe('done');
    await expect(interruptible(async () => Promise.reject(new Error('boom')), proc)).rejects.toThrow(/^boom$/);
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM')).toBe(0);
  });
});
