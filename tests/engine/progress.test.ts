import { describe, expect, it } from 'vitest';
import { createProgress, formatProgress } from '../../src/engine/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 100, write: (s: string) => written.push(s) }, written };
}

describe('formatProgress', () => {
  it('shows the bar, the share, the counts and the ETA', () => {
    expect(formatProgress(4500, 10000, 10, 10)).toBe('[#####.....]  45%  4,500/10,000 draws  ETA 12s');
  });

  it('shows minutes and an unknown ETA before the first draw', () => {
    expect(formatProgress(1000, 10000, 20, 4)).toMatch(/ETA 3m00s$/);
    expect(formatProgress(0, 10, 0, 4)).toMatch(/ETA --$/);
  });
});

describe('createProgress', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    let t = 0;
    const p = createProgress(100, true, stream, () => t);
    t = 5000;
    p.draws(50);
    p.end();
    expect(written).toEqual([]);
  });

  it('writes nothing when not wanted (--quiet)', () => {
    const { stream, written } = fakeStream(true);
    let t = 0;
    const p = createProgress(100, false, stream, () => t);
    t = 5000;
    p.draws(50);
    expect(written).toEqual([]);
  });

  it('stays silent during the first second, then draws and finally clears the line', () => {
    const { stream, written } = fakeStream(true);
    let t = 0;
    const p = createProgress(100, true, stream, () => t);
    t = 500;
    p.draws(10);
    expect(written).toEqual([]);
    t = 1500;
    p.draws(50);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\r\[.*50\/100 draws/);
    p.end();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
});
