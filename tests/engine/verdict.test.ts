import { describe, expect, it } from 'vitest';
import { verdict } from '../../src/engine/verdict.js';

describe('verdict', () => {
  it.each([
    [1, 'virtually certain'],
    [0.99, 'virtually certain'],
    [0.989, 'very likely'],
    [0.9, 'very likely'],
    [0.66, 'likely'],
    [0.659, 'about as likely as not'],
    [0.5, 'about as likely as not'],
    [0.331, 'about as likely as not'],
    [0.33, 'unlikely'],
    [0.1, 'very unlikely'],
    [0.011, 'very unlikely'],
    [0.01, 'exceptionally unlikely'],
    [0, 'exceptionally unlikely'],
  ])('P = %d is %s (the most specific IPCC band)', (p, words) => {
    expect(verdict(p)).toBe(words);
  });
});
