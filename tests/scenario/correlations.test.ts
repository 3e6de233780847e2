import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCorrelations, uncertainInputs } from '../../src/scenario/correlations.js';
import { InputError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/scenarios/${name}`, import.meta.url));

describe('correlations', () => {
  it('lists the uncertain inputs by name', async () => {
    const loaded = await loadScenario(fixture('correlated.yml'));

    expect(uncertainInputs(loaded)).toEqual(['ruralToUrban.value', 'reclassification.value']);
    expect(() => checkCorrelations(loaded)).not.toThrow();
  });

  it('a correlation naming an input that is not uncertain is located at that name', async () => {
    const loaded = await loadScenario(fixture('correlated.yml'), { sets: ['sampling.correlations.0.between.1=srb.value'] });

    let err: unknown;
    try {
      checkCorrelations(loaded);
    } catch (e) {
      err = e;
    }

    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).format()).toBe(
      '--set sampling.correlations.0.between.1=srb.value: sampling.correlations.0.between.1: found "srb.value", expected an uncertain input; uncertain inputs are: ruralToUrban.value, reclassification.value',
    );
  });

  it('an input correlated with itself is an error', async () => {
    const loaded = await loadScenario(fixture('correlated.yml'), { sets: ['sampling.correlations.0.between=[ruralToUrban.value, ruralToUrban.value]'] });

    expect(() => checkCorrelations(loaded)).toThrow(/correlates "ruralToUrban.value" with itself/);
  });
});
