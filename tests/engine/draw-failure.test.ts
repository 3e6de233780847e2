import { describe, expect, it } from 'vitest';
import { DrawFailure } from '../../src/engine/draw-failure.js';

describe('DrawFailure', () => {
  it("names the draw, the seed, the model's reason, the year, the parameter, the file and the inputs", () => {
    const e = new DrawFailure(
      {
        draw: 4711,
        year: 2029,
        message: 'net external emigration exceeds the rural population',
        file: '/s/heze.yml',
        param: 'external.rural.rate',
        inputs: [
          { name: 'external.rural.rate.value', value: -0.0123456789 },
          { name: 'tfr.rural.value', value: 1.5 },
        ],
      },
      42,
    );
    expect(e.name).toBe('DrawFailure');
    expect(e.message).toBe(
      'draw 4711 (seed 42) cannot be projected: net external emigration exceeds the rural population (year 2029, parameter external.rural.rate, ' +
        'scenario /s/heze.yml); its uncertain inputs: external.rural.rate.value = -0.0123457, tfr.rural.value = 1.5',
    );
  });

  it('names the median path, and says when every input is fixed', () => {
    const e = new DrawFailure({ draw: -1, year: 2030, message: 'infeasible', file: 'f.yml', param: null, inputs: [] }, 1);
    expect(e.message).toBe('the median path (every uncertain input at its median) cannot be projected: infeasible (year 2030, scenario f.yml); its uncertain inputs: every input is fixed');
  });
});
