/**
 * The error of a run stopped by an infeasible draw: it names the draw, the year, the model's
 * reason and the draw's uncertain inputs, so that the analyst can see which combination of
 * assumptions cannot be projected (e.g. emigration larger than the population).
 *
 * @module
 */
import type { DrawFailureInfo } from './kernel.js';

const MEDIAN_PATH = 'the median path (every uncertain input at its median)';

/** `name = value, …` (6 significant digits), or that every input is fixed. */
function listInputs(inputs: { name: string; value: number }[]): string {
  return inputs.length === 0 ? 'every input is fixed' : inputs.map((i) => `${i.name} = ${Number(i.value.toPrecision(6))}`).join(', ');
}

/**
 * A draw the model could not project (`info.draw` −1: the median path).
 *
 * @example
 * try { await runScenario(loaded); } catch (e) { if (e instanceof DrawFailure) console.error(e.message); }
 */
export class DrawFailure extends Error {
  constructor(
    readonly info: DrawFailureInfo,
    seed: number,
  ) {
    const inputs = listInputs(info.inputs);
    const which = info.draw < 0 ? MEDIAN_PATH : `draw ${info.draw} (seed ${seed})`;
    super(
      `${which} cannot be projected: ${info.message} (year ${info.year}` +
        `${info.param ? `, parameter ${info.param}` : ''}, scenario ${info.file}); its uncertain inputs: ${inputs}`,
    );
    this.name = 'DrawFailure';
  }
}


/** Where a draw's output stopped being a finite number. */
export interface NonFiniteInfo {
  /** The draw (−1: the median path). */
  draw: number;
  metric: string;
  year: number;
  value: number;
  file: string;
  inputs: { name: string; value: number }[];
}

/**
 * A draw whose output holds NaN or ±Infinity: a model error (exit code 1), never passed on to a
 * report. Names the draw, the metric, the year and the draw's uncertain inputs.
 *
 * @example
 * throw new NonFiniteOutput({ draw: 17, metric: 'urbanShare', year: 2030, value: NaN, file: 'heze.yml', inputs: [] }, 5);
 */
export class NonFiniteOutput extends Error {
  constructor(
    readonly info: NonFiniteInfo,
    seed: number,
  ) {
    const which = info.draw < 0 ? MEDIAN_PATH : `draw ${info.draw} (seed ${seed})`;
    super(`${which} produced ${info.value} for ${info.metric} in ${info.year} (scenario ${info.file}): a model error; its uncertain inputs: ${listInputs(info.inputs)}`);
    this.name = 'NonFiniteOutput';
  }
}
