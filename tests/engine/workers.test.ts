import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseWorkers } from '../../src/engine/workers.js';

describe('chooseWorkers', () => {
  it('--workers 1000 on 2 cores uses 2 and says the cores limited it', () => {
    expect(chooseWorkers(2000, 1000, undefined, 2)).toEqual({ workers: 2, batchSize: 125, limit: { asked: 1000, by: 'cores', max: 2 } });
  });

  it('never more workers than the run has batches', () => {
    expect(chooseWorkers(10, 4, 5, 8)).toEqual({ workers: 2, batchSize: 5, limit: { asked: 4, by: 'batches', max: 2 } });
  });

  it('without --workers: the cores, one per 500 draws, no limit reported', () => {
    expect(chooseWorkers(100, undefined, undefined, 8)).toEqual({ workers: 1, batchSize: 13 });
    expect(chooseWorkers(100_000, undefined, undefined, 8)).toEqual({ workers: 8, batchSize: 200 });
  });

  it('for any request: 1 ≤ workers ≤ min(asked, cores, batches); a limit exactly when fewer than asked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: undefined }), fc.integer({ min: 1, max: 256 }), (draws, asked, batch, cores) => {
        const p = chooseWorkers(draws, asked, batch, cores);
        const tasks = Math.ceil(draws / p.batchSize);
        expect(p.workers).toBeGreaterThanOrEqual(1);
        expect(p.workers).toBeLessThanOrEqual(Math.min(asked ?? Infinity, cores, tasks));
        if (batch !== undefined) expect(p.batchSize).toBe(batch);
        expect(p.limit !== undefined).toBe(asked !== undefined && asked > p.workers);
        if (p.limit !== undefined) expect(p.workers).toBe(p.limit.max);
      }),
    );
  });
});
