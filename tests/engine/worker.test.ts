import { describe, expect, it } from 'vitest';
import { keepSpares, sharedResult } from '../../src/engine/worker.js';

describe('sharedResult', () => {
  it('hands out zero-filled shared buffers, reusing a spare of the same size', () => {
    const used = sharedResult(6);
    used.fill(7);
    keepSpares([used.buffer as SharedArrayBuffer]);

    const again = sharedResult(6);

    expect(again.buffer).toBe(used.buffer);
    expect(Array.from(again)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(again.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('allocates when no spare has the size asked for, and keeps only a few spares', () => {
    const spares = Array.from({ length: 10 }, () => new SharedArrayBuffer(8 * 5));
    keepSpares(spares);

    const other = sharedResult(3);
    const reused = new Set(Array.from({ length: 10 }, () => sharedResult(5).buffer));

    expect(spares).not.toContain(other.buffer);
    expect(spares.filter((b) => reused.has(b))).toEqual(spares.slice(-4));
  });
});
