/** The bench's reading of `simulate --timings` (bench/lib/e2e.mjs). */
import { describe, expect, it } from 'vitest';
import { parseTimings } from '../../../bench/lib/e2e.mjs';
import { formatTimings } from '../../../src/cli/timings.js';

describe('parseTimings', () => {
  it('reads back every phase formatTimings writes, and the lever evaluations', () => {
    // Arrange
    const line = formatTimings({
      startup: 0.214,
      phases: [
        { name: 'compile', seconds: 0.02 },
        { name: 'draws', seconds: 0.7, draws: 10000, workers: 2 },
        { name: 'levers', seconds: 0.28, evaluations: 4, leverDraws: 2000 },
      ],
      report: 0.01,
      total: 1.3,
    });
    // Act
    const t = parseTimings(`some warning\n${line}\n`);
    // Assert
    expect(t).toEqual({ 'start-up': 0.21, compile: 0.02, draws: 0.7, 'what would it take': 0.28, evaluations: 4, report: 0.01, total: 1.3 });
  });

  it('is null without the line', () => {
    expect(parseTimings('')).toBeNull();
  });
});
