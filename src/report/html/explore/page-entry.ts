/**
 * The interactive report's script in the page (bundled by scripts/bundle-explore.mjs; the page calls
 * `urbcastExplore.startExplore(uPlot)`). It starts the draws' Web Worker from the inlined worker
 * script (a Blob URL: pages opened from disk cannot load workers from files), wires the panel's
 * sliders, and shows each result with the report's own code: the targets table (`targetsTable`),
 * the drivers, and the fans and decomposition (`chartData`, `drawCharts`). "Reset" puts back the
 * file's run. Draws run in two workers where the machine has two cores or more (`#workers=N` in
 * the page's address chooses; `#kernel=js` forces the JavaScript kernels). The status line
 * carries the last run's figures for tests and benchmarks
 * (`data-state` file | running | page | error, `data-id`, `data-seconds` in the worker,
 * `data-total-ms` from the request to the redrawn page).
 *
 * @module
 */
import type { RunResult } from '../../../engine/result.js';
import type { Lang } from '../../format.js';
import { chartData, type ChartData } from '../chart-data.js';
import { drawCharts } from '../client.js';
import type { ObservedPoint } from '../history.js';
import { drivers } from '../sections.js';
import { targetsTable } from '../targets-table.js';
import { setArgs, type ExploreModel, type Shift } from './shift.js';
import { decodeData } from './transport.js';
import type { WorkerReply, WorkerRequest } from './worker-entry.js';
import { exploreWords } from './words.js';

/** What the server inlines for the panel (`#explore-data`). */
export interface ExploreData {
  lang: Lang;
  history: ObservedPoint[];
  /** The file's run: its draws, seed, --set overrides and identity. */
  fileDraws: number;
  seed: number;
  file: string;
  sets: string[];
  scenario: RunResult['scenario'];
  engineVersion: string;
}

/** A shell word: quoted unless plainly safe. */
const shellWord = (s: string) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The `simulate` command reproducing a view.
 *
 * @example
 * commandLine('scenarios/heze.yml', 2000, 7, ['assumptions.srb.value=1.1']); // "npx simulate --scenario scenarios/heze.yml --draws 2000 --seed 7 --set assumptions.srb.value=1.1"
 */
export function commandLine(file: string, draws: number, seed: number, sets: readonly string[]): string {
  return ['npx simulate --scenario', shellWord(file), '--draws', String(draws), '--seed', String(seed), ...sets.flatMap((s) => ['--set', shellWord(s)])].join(' ');
}

let last: RunResult | null = null;

/**
 * The last result drawn in the page (null while it shows the file's run): every number of the
 * view, e.g. to compare it with the command line's `--format json`.
 *
 * @example
 * urbcastExplore.lastResult()?.targets[0].pMet;
 */
export function lastResult(): RunResult | null {
  return last;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

/**
 * Starts the panel (does nothing on a page without one).
 *
 * @example
 * urbcastExplore.startExplore(uPlot);
 */
export function startExplore(uPlot: unknown): void {
  const dataEl = byId('explore-data');
  const modelEl = byId('explore-model');
  const workerEl = byId('explore-worker');
  if (dataEl === null || modelEl === null || workerEl === null) return;
  const data = JSON.parse(dataEl.textContent!) as ExploreData;
  const modelText = modelEl.textContent!;
  const model = decodeData<ExploreModel>(modelText);
  const w = exploreWords(data.lang);
  const num = new Intl.NumberFormat(data.lang === 'zh' ? 'zh-CN' : 'en-US');
  const status = byId<HTMLSpanElement>('explore-status')!;
  const progress = byId<HTMLProgressElement>('explore-progress')!;
  const command = byId<HTMLPreElement>('explore-command')!;
  const drawsBox = byId<HTMLInputElement>('explore-draws')!;
  const targetsBody = byId('targets-body');
  const driversBody = byId('drivers-body');
  const original = { targets: targetsBody?.innerHTML ?? '', drivers: driversBody?.innerHTML ?? '', charts: JSON.parse(byId('chart-data')!.textContent!) as ChartData };

  interface Row {
    name: string;
    stated: number;
    centre: number;
    tr: HTMLTableRowElement;
    range: HTMLInputElement;
    box: HTMLInputElement;
    spread: HTMLInputElement;
    out: HTMLOutputElement;
  }
  const rows: Row[] = [...document.querySelectorAll<HTMLTableRowElement>('#explore-inputs tr[data-input]')].map((tr) => ({
    name: tr.dataset.input!,
    stated: Number(tr.dataset.centre),
    centre: Number(tr.dataset.centre),
    tr,
    range: tr.querySelector<HTMLInputElement>('input.centre')!,
    box: tr.querySelector<HTMLInputElement>('input.centre-box')!,
    spread: tr.querySelector<HTMLInputElement>('input.spread')!,
    out: tr.querySelector<HTMLOutputElement>('output.spread-out')!,
  }));
  const shifts = (): Shift[] => rows.map((r) => ({ name: r.name, centre: r.centre, spread: Number(r.spread.value) }));
  const draws = () => Math.max(1, Math.round(Number(drawsBox.value)) || 1);

  const setStatus = (state: string, text: string) => {
    status.dataset.state = state;
    status.textContent = text;
  };

  const redraw = (charts: ChartData) => {
    const present = (id: string) => byId(id) !== null;
    const d: ChartData = { ...charts, fans: charts.fans.filter((f) => present(f.id)), flows: charts.flows.filter((f) => present(f.id)), decomposition: charts.decomposition && present(charts.decomposition.id) ? charts.decomposition : null };
    for (const id of [...d.fans, ...d.flows].map((f) => f.id).concat(d.decomposition ? [d.decomposition.id] : [])) byId(id)!.innerHTML = '';
    drawCharts(d, uPlot);
  };

  const showFile = (again = true) => {
    last = null;
    if (again) {
      if (targetsBody) targetsBody.innerHTML = original.targets;
      if (driversBody) driversBody.innerHTML = original.drivers;
      redraw(original.charts);
    }
    document.body.classList.remove('stale');
    progress.hidden = true;
    setStatus('file', w.fileRun(num.format(data.fileDraws)));
    command.textContent = commandLine(data.file, data.fileDraws, data.seed, data.sets);
    command.dataset.sets = JSON.stringify(data.sets);
    command.dataset.draws = String(data.fileDraws);
  };

  const show = (r: RunResult) => {
    last = r;
    if (targetsBody) targetsBody.innerHTML = targetsTable(r, data.lang);
    if (driversBody) driversBody.innerHTML = drivers(r, data.lang);
    redraw(chartData(r, data.history, data.lang));
    document.body.classList.remove('stale');
  };

  // report.html#kernel=js forces the JavaScript kernels (as URBCAST_KERNEL=js does for the CLI);
  // #workers=N draws in N threads (default: 2 where the machine has 2 cores or more)
  const hash = new URLSearchParams(location.hash.slice(1));
  const kernel = hash.get('kernel') ?? undefined;
  const threads = Math.max(1, Math.min(8, Number(hash.get('workers')) || Math.min(2, navigator.hardwareConcurrency || 1)));
  let worker: Worker;
  const helpers: Worker[] = [];
  try {
    const url = URL.createObjectURL(new Blob([workerEl.textContent!], { type: 'text/javascript' }));
    worker = new Worker(url);
    for (let h = 1; h < threads; h++) helpers.push(new Worker(url));
  } catch {
    setStatus('error', w.noWorker);
    for (const r of rows) r.range.disabled = r.box.disabled = r.spread.disabled = true;
    return;
  }
  const post = (m: WorkerRequest) => worker.postMessage(m);
  const ports = helpers.map((h) => {
    const c = new MessageChannel();
    h.postMessage({ type: 'helper', model: modelText, kernel, port: c.port2 } satisfies WorkerRequest, [c.port2]);
    return c.port1;
  });
  worker.postMessage({ type: 'init', model: modelText, scenario: data.scenario, engineVersion: data.engineVersion, kernel, helpers: ports } satisfies WorkerRequest, ports);

  let id = 0;
  let t0 = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  worker.onerror = (e) => setStatus('error', w.failed(e.message || 'worker error'));
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const m = e.data;
    if (m.id !== id) return;
    if (m.type === 'progress') {
      progress.max = m.total;
      progress.value = m.done;
      setStatus('running', w.running(num.format(m.done), num.format(m.total)));
    } else if (m.type === 'error') {
      progress.hidden = true;
      setStatus('error', w.failed(m.message));
    } else {
      show(m.result);
      progress.hidden = true;
      status.dataset.seconds = String(m.seconds);
      status.dataset.totalMs = String(performance.now() - t0);
      status.dataset.id = String(m.id);
      setStatus('page', w.pageRun(num.format(m.result.run.draws), m.seconds.toFixed(2)));
    }
  };

  const request = () => {
    timer = undefined;
    let sets: string[];
    try {
      sets = setArgs(model, shifts());
    } catch (err) {
      setStatus('error', w.failed((err as Error).message));
      return;
    }
    id++;
    if (sets.length === 0) {
      post({ type: 'run', id, shifts: [], draws: 0, seed: data.seed, cancel: true });
      showFile();
      return;
    }
    const n = draws();
    const all = [...data.sets, ...sets];
    command.textContent = commandLine(data.file, n, data.seed, all);
    command.dataset.sets = JSON.stringify(all);
    command.dataset.draws = String(n);
    t0 = performance.now();
    document.body.classList.add('stale');
    progress.hidden = false;
    progress.max = n;
    progress.value = 0;
    delete status.dataset.id;
    setStatus('running', w.running('0', num.format(n)));
    post({ type: 'run', id, shifts: shifts(), draws: n, seed: data.seed });
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(request, 120);
  };

  for (const r of rows) {
    const moved = () => r.tr.classList.toggle('moved', r.centre !== r.stated || r.spread.value !== '1');
    r.range.addEventListener('input', () => {
      r.centre = Number(r.range.value);
      r.box.value = String(+r.centre.toPrecision(6));
      moved();
      schedule();
    });
    r.box.addEventListener('change', () => {
      const v = Number(r.box.value);
      if (r.box.value.trim() === '' || !Number.isFinite(v)) return;
      r.centre = v;
      r.range.value = r.box.value;
      moved();
      schedule();
    });
    r.spread.addEventListener('input', () => {
      r.out.value = r.spread.value;
      moved();
      schedule();
    });
  }
  drawsBox.addEventListener('change', schedule);
  byId('explore-reset')!.addEventListener('click', () => {
    for (const r of rows) {
      r.centre = r.stated;
      r.range.value = String(r.stated);
      r.box.value = String(+r.stated.toPrecision(6));
      r.spread.value = '1';
      r.out.value = '1';
      r.tr.classList.remove('moved');
    }
    if (timer !== undefined) clearTimeout(timer);
    request();
  });
  // the file's run is on the page already
  showFile(false);
}
