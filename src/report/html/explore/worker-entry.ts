/**
 * The interactive report's Web Worker (bundled by scripts/bundle-explore.mjs into one script the
 * page starts from a Blob). It receives the scenario's {@link ExploreModel} once, then runs
 * requests: the shifted scenario compiled by `shiftedScenario`, its draws by `runDraws` with the
 * engine's models (the WebAssembly kernels where the browser has SIMD, else the JavaScript ones),
 * reporting progress after each batch. A newer request stops the one running at its next batch.
 *
 * Messages in: `{ type: 'init', model, scenario, engineVersion, kernel? }` (the model as
 * `encodeData` text; `kernel` 'js' or 'wasm' forces the cohort kernel, as `URBCAST_KERNEL` does), `{ type: 'run', id,
 * shifts, draws, seed, cancel? }` (with `cancel`, only stops the run in progress). Out: `{ type: 'progress', id, done, total }`, `{ type: 'result', id,
 * result, seconds }`, `{ type: 'error', id, message }`.
 *
 * @module
 */
import { useNodeMath } from './v8-math.js';
import cohort from '../../../../models/cohort/index.js';
import components from '../../../../models/components/index.js';
import urgd from '../../../../models/urgd/index.js';
import type { ModelDefinition } from '../../../engine/model.js';
import type { RunResult } from '../../../engine/result.js';
import { runDraws } from './run-draws.js';
import { shiftedScenario, type ExploreModel, type Shift } from './shift.js';
import { decodeData } from './transport.js';

/** A request of the page. */
export type WorkerRequest = { type: 'init'; model: string; scenario: RunResult['scenario']; engineVersion: string; kernel?: string } | { type: 'run'; id: number; shifts: Shift[]; draws: number; seed: number; cancel?: boolean };

/** A reply of the worker. */
export type WorkerReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: RunResult; seconds: number }
  | { type: 'error'; id: number; message: string };

useNodeMath();

const MODELS = { cohort, components, urgd } as unknown as Record<string, ModelDefinition>;

interface Scope {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage(m: WorkerReply): void;
}
const scope = self as unknown as Scope;

let model: ExploreModel | undefined;
let init: Extract<WorkerRequest, { type: 'init' }> | undefined;
let latest = -1;

// a yield to the worker's event loop with no timer clamping: lets a newer request in
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = () => new Promise<void>((resolve) => (waiting.push(resolve), channel.port2.postMessage(0)));

async function run(req: Extract<WorkerRequest, { type: 'run' }>): Promise<void> {
  const t0 = performance.now();
  const { id } = req;
  try {
    const cs = shiftedScenario(model!, req.shifts, { draws: req.draws, seed: req.seed });
    const result = await runDraws(cs, MODELS, {
      batch: 250,
      scenario: { ...init!.scenario, sets: [] },
      engineVersion: init!.engineVersion,
      progress: (done, total) => scope.postMessage({ type: 'progress', id, done, total }),
      pause: async () => (await yieldNow(), latest === id),
    });
    if (result !== null) scope.postMessage({ type: 'result', id, result, seconds: (performance.now() - t0) / 1000 });
  } catch (e) {
    scope.postMessage({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'init') {
    init = req;
    model = decodeData<ExploreModel>(req.model);
    // the cohort kernel, as URBCAST_KERNEL chooses it in Node (unset: WebAssembly where SIMD is supported)
    (globalThis as { URBCAST_KERNEL?: string }).URBCAST_KERNEL = req.kernel;
    return;
  }
  latest = req.id;
  if (req.cancel !== true) void run(req);
};
