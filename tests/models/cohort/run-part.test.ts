/**
 * The cohort model's runner part (models/cohort/run-part.ts): what worker threads import instead
 * of the whole model. It must be the model's own `createRunner`, reached through the registry and
 * the compiled scenario, and must not pull in the schema's zod.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import cohort from '../../../models/cohort/index.js';
import { registry } from '../../../models/index.js';
import { compileScenario } from '../../../src/engine/compile.js';
import { loadScenario } from '../../../src/scenario/load.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('cohort runner part', () => {
  it('is what the registry names as the runner, and its createRunner is the model’s', async () => {
    expect(registry.cohort.runner).toMatch(/\/dist\/models\/cohort\/run-part\.js$/);
    const part = ((await import(registry.cohort.runner!)) as { default: { createRunner: unknown } }).default;
    const own = (await import('../../../models/cohort/run-part.js')).default;

    expect(cohort.createRunner).toBe(own.createRunner);
    expect(typeof part.createRunner).toBe('function');
  });

  it('is where the compiled scenario (main and references) sends the draws', async () => {
    const loaded = await loadScenario(`${root}scenarios/heze.yml`);
    const hinted: string[] = [];
    await loadScenario(`${root}scenarios/heze.yml`, { onModel: (m) => hinted.push(m) });

    const cs = compileScenario(loaded);

    expect(cs.main.runnerModule).toBe(registry.cohort.runner);
    expect(cs.main.modelModule).toBe(registry.cohort.module);
    expect(cs.references.map((r) => r.runnerModule)).toEqual(cs.references.map(() => registry.cohort.runner));
    expect(hinted.length).toBeGreaterThanOrEqual(1 + cs.references.length);
    expect(new Set(hinted)).toEqual(new Set([registry.cohort.runner]));
  });

  it('imports no zod (the schema only loading needs)', () => {
    // ESM keeps no module list; a resolve hook records every specifier the import resolves
    const hook = `export async function resolve(spec, ctx, next) { if (/(^|\\/)zod(\\/|$)/.test(spec)) process.stdout.write('zod\\n'); return next(spec, ctx); }`;
    const r = spawnSync(
      process.execPath,
      ['--no-warnings', '--experimental-loader', `data:text/javascript,${encodeURIComponent(hook)}`, '--input-type=module', '-e', `const m = await import(${JSON.stringify(registry.cohort.runner)}); console.log(typeof m.default.createRunner);`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('function\n');
  });
});
