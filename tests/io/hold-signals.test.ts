import { describe, expect, it } from 'vitest';
import { holdSignals, type SignalTarget } from '../../src/io/hold-signals.js';

/** A stand-in for `process`: records listeners and the signals raised. */
function fakeProcess() {
  const listeners = new Map<string, Set<(s: NodeJS.Signals) => void>>();
  const raised: NodeJS.Signals[] = [];
  const proc: SignalTarget = {
    pid: 4242,
    on: (e, l) => listeners.set(e, (listeners.get(e) ?? new Set()).add(l)),
    off: (e, l) => listeners.get(e)?.delete(l),
    kill: (_pid, s) => raised.push(s),
  };
  const send = (s: NodeJS.Signals) => listeners.get(s)?.forEach((l) => l(s));
  const count = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { proc, send, raised, count };
}

describe('holdSignals', () => {
  it('a SIGINT during the writes waits for them, then is raised again; the listeners are gone', async () => {
    const p = fakeProcess();
    const order: string[] = [];

    const value = await holdSignals(() => {
      p.send('SIGINT');
      order.push('written');
      return 'files';
    }, p.proc);

    expect(value).toBe('files');
    expect(order).toEqual(['written']);
    expect(p.raised).toEqual(['SIGINT']);
    expect(p.count()).toBe(0);
  });

  it('without a signal nothing is raised; a failure of the writes is thrown as it is', async () => {
    const p = fakeProcess();

    await holdSignals(() => 1, p.proc);
    const failed = holdSignals(() => {
      throw new Error('disk full');
    }, p.proc);

    await expect(failed).rejects.toThrow('disk full');
    expect(p.raised).toEqual([]);
    expect(p.count()).toBe(0);
  });
});
