/**
 * Worker faults and interruptions, with faults injected through URBCAST_FAULT (read by the
 * worker, src/engine/worker.ts): a worker that throws or dies stops the run with exit 1 and a
 * message, the pool is destroyed, nothing is written; SIGINT and SIGTERM stop a run (even one
 * whose worker hangs) and leave --out as it was. No clocks: a hang shows up as the spawn's timeout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../src/engine/run.js';
import { WorkerFault } from '../../src/engine/pool.js';
import { parseFault } from '../../src/engine/worker.js';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load.js';
import { capture } from '../cli/capture.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/simulate.js');
const base = join(root, 'tests/fixtures/scenarios/base.yml');
/** Only a hang would come near this; the runs below take a second or two. */
const HANG_MS = 60_000;
const args = (out: string) => ['--scenario', base, '--draws', '2000', '--workers', '2', '--format', 'json', '--out', out];

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An --out folder holding a previous report. */
function previousOutput(): { dir: string; listing: () => Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'urbcast-fault-'));
  made.push(dir);
  writeFileSync(join(dir, 'result.json'), '{"previous": true}\n');
  return { dir, listing: () => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])) };
}

describe('a worker that fails', () => {
  afterEach(() => {
    delete process.env.URBCAST_FAULT;
    vi.restoreAllMocks();
  });

  it.each(['throw:300', 'exit:300'])('%s: the run rejects with a WorkerFault naming the draws, and the pool is destroyed', async (fault) => {
    const loaded = await loadScenario(base);
    const destroy = vi.spyOn(Piscina.prototype, 'destroy');
    process.env.URBCAST_FAULT = fault; // read by workers started from now on

    const run = runScenario(loaded, { draws: 2000, workers: 2, batchSize: 50, progress: false });

    await expect(run).rejects.toThrow(WorkerFault);
    await expect(run).rejects.toThrow(/^a worker failed while running draws 256–305: /);
    expect(destroy).toHaveBeenCalledTimes(1);
    const pool = destroy.mock.contexts[0] as Piscina;
    expect(pool.threads).toHaveLength(0);
  });

  it.each([
    ['throw:300', 'injected fault at draw 300'],
    ['exit:300', 'worker exited with code: 70'],
  ])('simulate with %s: exit 1 with a message, the process ends, --out untouched', (fault, reason) => {
    const out = previousOutput();
    const before = out.listing();

    const r = spawnSync(process.execPath, [bin, ...args(out.dir)], { cwd: root, encoding: 'utf8', env: { ...process.env, URBCAST_FAULT: fault }, timeout: HANG_MS });

    expect(r.signal, 'the process hung and was killed').toBeNull();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^internal error: WorkerFault: a worker failed while running draws \\d+–\\d+: ${reason}\\n`));
    expect(out.listing()).toEqual(before);
  });
});

/** Spawns a run whose worker hangs at draw 300, waits until it does, sends `signal`, and resolves when the process ends. */
function interruptHungRun(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args(out)], { cwd: root, env: { ...process.env, URBCAST_FAULT: 'hang:300' } });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within ${HANG_MS} ms after ${signal}; stderr: ${stderr}`));
    }, HANG_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!sent && stderr.includes('worker hangs at draw 300')) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('SIGINT and SIGTERM', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s stops a run whose worker hangs: exit %i, a message, --out as it was', async (signal, code) => {
    const out = previousOutput();
    const before = out.listing();

    const r = await interruptHungRun(out.dir, signal);

    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`interrupted (${signal}): the run was stopped and nothing was written (${out.dir} is as it was)\n`);
    expect(r.stderr).not.toContain('internal error');
    expect(out.listing()).toEqual(before);
  });
});

describe('an interrupted run in the main thread (--workers 1)', () => {
  it('stops between batches: exit 130, the message, --out as it was', async () => {
    const out = previousOutput();
    const before = out.listing();
    const { io, text } = capture();
    const listening = () => process.listenerCount('SIGINT') > 0;
    expect(listening()).toBe(false);

    const run = main(['--scenario', base, '--draws', '1000000', '--workers', '1', '--batch-size', '10', '--format', 'json', '--out', out.dir], io);
    while (!listening()) await new Promise((r) => setImmediate(r)); // the run has started
    process.emit('SIGINT', 'SIGINT');
    const code = await run;

    expect(code).toBe(130);
    expect(text.err).toBe(`interrupted (SIGINT): the run was stopped and nothing was written (${out.dir} is as it was)\n`);
    expect(out.listing()).toEqual(before);
    expect(listening()).toBe(false);
  });
});

describe('parseFault (URBCAST_FAULT)', () => {
  it('reads throw:K, exit:K and hang:K; anything else is no fault', () => {
    expect(parseFault('throw:0')).toEqual({ kind: 'throw', draw: 0 });
    expect(parseFault('exit:12')).toEqual({ kind: 'exit', draw: 12 });
    expect(parseFault('hang:300')).toEqual({ kind: 'hang', draw: 300 });
    for (const none of [undefined, '', 'throw', 'throw:-1', 'explode:3', 'exit:3 ']) expect(parseFault(none)).toBeNull();
  });
});
