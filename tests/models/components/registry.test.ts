import { describe, expect, it } from 'vitest';
import { loadModel, registry } from '../../../models/index.js';

// Workers import models from `dist/` (see src/engine/compiled-url.ts); `npm test` builds first.
describe('registry: components', () => {
  it('lists components with a compiled module whose default export is the components model', async () => {
    expect(registry.components.module).toMatch(/\/dist\/models\/components\/index\.js$/);
    const model = await loadModel(registry.components.module);
    expect(model.name).toBe('components');
    expect(model.title).toBe(registry.components.title);
    expect(typeof model.createRunner).toBe('function');
  });
});
