/**
 * The error of a run stopped by an infeasible draw: it names the draw, the year, the model's
 * reason and the draw's uncertain inputs, so that the analyst can see which combination of
 * assumptions cannot be projected (e.g. emigration larger than the population).
 *
 * @module
 */
import type { DrawFailureInfo } from './kernel.js';

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
    const inputs = info.inputs.length === 0 ? 'every input is fixed' : info.inputs.map((i) => `${i.name} = ${Number(i.value.toPrecision(6))}`).join(', ');
    const which = info.draw < 0 ? 'the median path (every uncertain input at its median)' : `draw ${info.draw} (seed ${seed})`;
    super(
      `${which} cannot be projected: ${info.message} (year ${info.year}` +
        `${info.param ? `, parameter ${info.param}` : ''}, scenario ${info.file}); its uncertain inputs: ${inputs}`,
    );
    this.name = 'DrawFailure';
  }
}

