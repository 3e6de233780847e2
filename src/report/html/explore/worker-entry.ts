/**
 * The interactive report's Web Workers (bundled by scripts/bundle-explore.mjs into one script the
 * page starts from a Blob, once per thread). The first is the coordinator: it receives the
 * scenario's {@link ExploreModel} once, then runs requests: the shifted scenario compiled by
 * `shiftedScenario`, its draws by `runDraws` with the engine's models (the WebAssembly kernels
 * where the browser has SIMD, else the JavaScript ones), reporting progress after each batch; a
 * newer request stops the one running at its next batch. The others are helpers: each runs the
 * batches of draws the coordinator sends it over a `MessagePort` and sends back their results,
 * which the coordinator adds in draw order (the same bits as one thread).
 *
 * Messages in (from the page): `{ type: 'init', model, scenario, engineVersion, kernel?, helpers? }`
 * (the model as `encodeData` text; `kernel` 'js' or 'wasm' forces the cohort kernel, as
 * `URBCAST_KERNEL` does; `helpers`: ports to the helper workers), `{ type: 'helper', model, kernel?,
 * port }` (this worker is a helper, talking to the coordinator on `port`), `{ type: 'run', id,
 * shifts, draws, seed, cancel? }` (with `cancel`, only stops the run in progress). Out:
 * `{ type: 'progress', id, done, total }`, `{ type: 'result', id, result, seconds }`,
 * `{ type: 'error', id, message }`.
 *
 * @module
 */
import { useNodeMath } from './v8-math.js';
import cohort from '../../../../models/cohort/index.js';
import components from '../../../../models/components/index.js';
import urgd from '../../../../models/urgd/index.js';
import { DrawKernel, type BatchResult, type DrawTask } from '../../../engine/kernel.js';
import type { ModelDefinition } from '../../../engine/model.js';
import type { RunResult } from '../../../engine/result.js';
import { runDraws } from './run-draws.js';
import { shiftedScenario, type ExploreModel, type Shift } from './shift.js';
import { decodeData } from './transport.js';

/** A request of the page. */
export type WorkerRequest =
  | { type: 'init'; model: string; scenario: RunResult['scenario']; engineVersion: string; kernel?: string; helpers?: MessagePort[] }
  | { type: 'helper'; model: string; kernel?: string; port: MessagePort }
  | { type: 'run'; id: number; shifts: Shift[]; draws: number; seed: number; cancel?: boolean };

/** A reply of the worker. */
export type WorkerReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: RunResult; seconds: number }
  | { type: 'error'; id: number; message: string };

/** A batch asked of a helper (`n` numbers the asks), and its answer. */
type HelperAsk = { n: number; id: number; shifts: Shift[]; draws: number; seed: number; task: DrawTask };
type HelperAnswer = { n: number; batch: BatchResult | null; error: string | null };

useNodeMath();

const MODELS = { cohort, components, urgd } as unknown as Record<string, ModelDefinition>;
const model = (name: string) => {
  const m = MODELS[name];
  if (m === undefined) throw new Error(`the page has no model "${name}"`);
  return m;
};

interface Scope {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage(m: WorkerReply): void;
}
const scope = self as unknown as Scope;

let explore: ExploreModel | undefined;
let init: Extract<WorkerRequest, { type: 'init' }> | undefined;
let latest = -1;

// a yield to the worker's event loop with no timer clamping: lets newer messages in
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = () => new Promise<void>((resolve) => (waiting.push(resolve), channel.port2.postMessage(0)));

/** The coordinator's side of its helpers: one function per helper running a task of request `id`. */
function helperCalls(ports: MessagePort[]): ((req: Extract<WorkerRequest, { type: 'run' }>, task: DrawTask) => Promise<BatchResult>)[] {
  const pending = new Map<number, { resolve: (b: BatchResult) => void; reject: (e: Error) => void }>();
  let n = 0;
  return ports.map((port) => {
    port.onmessage = (e: MessageEvent<HelperAnswer>) => {
      const p = pending.get(e.data.n);
      pending.delete(e.data.n);
      if (e.data.error !== null) p?.reject(new Error(e.data.error));
      else p?.resolve(e.data.batch!);
    };
    return (req, task) =>
      new Promise<BatchResult>((resolve, reject) => {
        pending.set(++n, { resolve, reject });
        const ask: HelperAsk = { n, id: req.id, shifts: req.shifts, draws: req.draws, seed: req.seed, task };
        port.postMessage(ask);
      });
  });
}

let helpers: ReturnType<typeof helperCalls> = [];

async function run(req: Extract<WorkerRequest, { type: 'run' }>): Promise<void> {
  const t0 = performance.now();
  const { id } = req;
  try {
    const cs = shiftedScenario(explore!, req.shifts, { draws: req.draws, seed: req.seed });
    const result = await runDraws(cs, MODELS, {
      batch: 125,
      helpers: helpers.map((h) => (task: DrawTask) => h(req, task)),
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

/** A helper: runs the coordinator's batches, the newest request's only. */
function serve(port: MessagePort): void {
  let newest = -1;
  let kernel: { id: number; k: DrawKernel } | null = null;
  port.onmessage = async (e: MessageEvent<HelperAsk>) => {
    const ask = e.data;
    newest = Math.max(newest, ask.id);
    // let every ask already queued in, so that a superseded request's batches are skipped
    await yieldNow();
    const answer = (a: Omit<HelperAnswer, 'n'>) => port.postMessage({ n: ask.n, ...a } satisfies HelperAnswer);
    if (ask.id < newest) return answer({ batch: null, error: 'superseded by a newer request' });
    try {
      if (kernel?.id !== ask.id) {
        const cs = shiftedScenario(explore!, ask.shifts, { draws: ask.draws, seed: ask.seed });
        kernel = { id: ask.id, k: new DrawKernel(cs, model(cs.main.modelName), cs.references.map((r) => model(r.modelName))) };
      }
      answer({ batch: kernel.k.run(ask.task), error: null });
    } catch (err) {
      answer({ batch: null, error: err instanceof Error ? err.message : String(err) });
    }
  };
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'init' || req.type === 'helper') {
    explore = decodeData<ExploreModel>(req.model);
    // the cohort kernel, as URBCAST_KERNEL chooses it in Node (unset: WebAssembly where SIMD is supported)
    (globalThis as { URBCAST_KERNEL?: string }).URBCAST_KERNEL = req.kernel;
    if (req.type === 'helper') serve(req.port);
    else {
      init = req;
      helpers = helperCalls(req.helpers ?? []);
    }
    return;
  }
  latest = req.id;
  if (req.cancel !== true) void run(req);
};
