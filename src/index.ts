/**
 * urbcast as a library: load a scenario (src/scenario/load.ts), run it, render the result.
 *
 * @example
 * import { runScenario, render } from 'urbcast';
 * const result = await runScenario(loaded, { draws: 5000 });
 * render(result, { format: 'table' });
 *
 * @module
 */
export { runScenario, PILOT_DRAWS, type RunOptions, type RunPhase } from './engine/run.js';
export { compileScenario, compileForValidation, type CompiledScenario } from './engine/compile.js';
export { DrawFailure } from './engine/draw-failure.js';
export { RESULT_SCHEMA, QUANTILES, type RunResult, type TargetResult, type MetricResult, type DriverResult, type InputResult } from './engine/result.js';
export type { LeverResult } from './engine/lever.js';
export type { Verdict } from './engine/verdict.js';
export type { EngineInput, ResolvedTarget, Comparator } from './engine/input.js';
export type { ModelDefinition, MetricDecl, Runner, CompileContext, CompiledModel } from './engine/model.js';
export { DrawError } from './engine/model.js';
export { ParamError } from './params/compile.js';
export { render, renderText, checkRenderOptions, RenderUsageError, type RenderOptions, type Format } from './report/render.js';
