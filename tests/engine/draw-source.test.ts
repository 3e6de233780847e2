/** The pool's stream of tasks (src/engine/draw-source.ts): the pilot's smaller batches, then the rest, each with the digest spec known when it is submitted. */
import { describe, expect, it } from 'vitest';
import type { DigestSpec } from '../../src/engine/aggregate/digest.js';
import { poolTasks, type SourceContext } from '../../src/engine/draw-source.js';
import type { Executor } from '../../src/engine/pool.js';

const ctx = (o: Partial<SourceContext>): SourceContext => ({ exec: {} as Executor, batchSize: 100, inFlight: 4, ...o });

describe('poolTasks', () => {
  it('cuts the pilot into its own batches, then the rest into the run\'s', () => {
    // Act
    const tasks = [...poolTasks(0, 300, ctx({ pilot: { to: 64, batchSize: 30 } }))];
    // Assert
    expect(tasks.map((t) => [t.start, t.count])).toEqual([
      [0, 30],
      [30, 30],
      [60, 4],
      [64, 100],
      [164, 100],
      [264, 36],
    ]);
    expect(tasks.every((t) => t.full && t.digest === undefined)).toBe(true);
  });

  it('reads the digest spec as each task is generated: tasks made before it is known carry none', () => {
    // Arrange
    let spec: DigestSpec | undefined;
    const made = poolTasks(0, 40, ctx({ batchSize: 10, digest: () => spec }));
    // Act
    const first = made.next().value;
    spec = { ranges: new Float64Array(3) };
    const rest = [...made];
    // Assert
    expect(first).not.toHaveProperty('digest');
    expect(rest.map((t) => t.digest)).toEqual([spec, spec, spec]);
  });
});
