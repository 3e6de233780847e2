import { describe, expect, it } from 'vitest';
import { formatTimings } from '../../src/cli/timings.js';

describe('formatTimings', () => {
  it('names every phase in order with its seconds, the draws and the lever evaluations', () => {
    // Arrange
    const phases = [
      { name: 'compile', seconds: 0.021 },
      { name: 'start', seconds: 0.034 },
      { name: 'draws', seconds: 0.7, draws: 10000, workers: 2 },
      { name: 'levers', seconds: 0.281, evaluations: 4, leverDraws: 2000 },
      { name: 'summary', seconds: 0.03 },
    ] as const;
    // Act
    const line = formatTimings({ startup: 0.214, phases: [...phases], report: 0.006, total: 1.31 });
    // Assert
    expect(line).toBe(
      'timings: start-up 0.21 s · compile 0.02 s · workers + median path 0.03 s · draws 0.70 s (10,000 draws, 2 workers) · ' +
        'what would it take 0.28 s (4 evaluations × 2,000 draws) · summary 0.03 s · report 0.01 s · total 1.31 s',
    );
  });

  it('says 1 draw, 1 worker and 1 evaluation in the singular, and leaves out phases that did not run', () => {
    const line = formatTimings({ startup: 0.1, phases: [{ name: 'draws', seconds: 0.2, draws: 1, workers: 1 }, { name: 'levers', seconds: 0.1, evaluations: 1, leverDraws: 1 }], report: 0, total: 0.5 });
    expect(line).toBe('timings: start-up 0.10 s · draws 0.20 s (1 draw, 1 worker) · what would it take 0.10 s (1 evaluation × 1 draw) · report 0.00 s · total 0.50 s');
  });
});
