import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.js';
import { inputLabel } from '../../src/engine/summarize.js';
import { toyInput } from '../fixtures/engine/toy-scenario.js';

describe('inputLabel', () => {
  it('names the parameter and the part of it an input is', () => {
    const cs = compileScenario(
      toyInput({
        assumptions: {
          migration: { value: { dist: 'uniform', min: 0.01, max: 0.03 }, change: { dist: 'uniform', min: -0.001, max: 0 } },
          growth: { byYear: { '2025': { dist: 'uniform', min: 0, max: 0.01 } } },
        },
        targets: [{ id: 'rel', kind: 'gain', window: [2021, 2025], reference: { gain: { dist: 'uniform', min: 0, max: 0.01 } } }],
      }),
    );

    expect(cs.main.inputs.map((_, j) => inputLabel(cs.main, j))).toEqual([
      'rural→urban migration rate',
      'rural→urban migration rate: annual change',
      'growth rate in 2025',
      'targets.rel.reference.gain',
    ]);
  });
});
