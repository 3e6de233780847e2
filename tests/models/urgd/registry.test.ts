import { describe, expect, it } from 'vitest';
import { loadModel, registry } from '../../../models/index.js';

// Workers import models from `dist/` (see src/engine/compiled-url.ts); `npm test` builds first.
describe('registry: urgd', () => {
  it('lists urgd with a compiled module whose default export is the urgd model', async () => {
    expect(registry.urgd.module).toMatch(/\/dist\/models\/urgd\/index\.js$/);
    const model = await loadModel(registry.urgd.module);
    expect(model.name).toBe('urgd');
    expect(model.title).toBe(registry.urgd.title);
    expect(typeof model.createRunner).toBe('function');
  });
});
