import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineVersion } from '../../src/engine/version.js';

describe('engineVersion', () => {
  it("is the project's package.json version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(engineVersion()).toBe(pkg.version);
  });
});
