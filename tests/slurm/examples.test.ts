import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sweepTasks } from '../../src/cli/sweep-plan.js';

const read = (p: string) => readFileSync(new URL(`../../examples/${p}`, import.meta.url), 'utf8');

describe('the scheduler examples', () => {
  it("the Kubernetes Indexed Job has one completion per task of its sweep", () => {
    const job = parse(read('kubernetes/sweep-job.yaml')) as {
      spec: { completionMode: string; completions: number; template: { spec: { containers: { command: string[] }[] } } };
    };
    const cmd = job.spec.template.spec.containers[0].command;
    const sweep = cmd.indexOf('sweep');
    const options = cmd.findIndex((a, i) => i > sweep && a.startsWith('--'));
    const shards = Number(cmd[cmd.indexOf('--shards') + 1]);

    expect(job.spec.completionMode).toBe('Indexed');
    expect(sweepTasks(cmd.slice(sweep + 1, options), shards, '/sweep')).toHaveLength(job.spec.completions);
  });

  it('the Slurm batch script runs simulate sweep with its arguments', () => {
    const script = read('slurm/sweep.sbatch');

    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    expect(script).toMatch(/\nexec \$\{SIMULATE:-npx --no-install simulate\} sweep "\$@" --quiet\n$/);
  });
});
