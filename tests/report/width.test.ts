import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, fit } from '../../src/report/width.js';

describe('displayWidth', () => {
  it('counts CJK characters as two columns', () => {
    expect([displayWidth('Heze'), displayWidth('菏泽市'), displayWidth('菏泽 Heze'), displayWidth('≥ 57%')]).toEqual([4, 6, 9, 5]);
  });
});

describe('fit', () => {
  it('pads and cuts to exactly the width', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '菏', '泽', ' ', '→') }), fc.integer({ min: 2, max: 30 }), (s, w) => displayWidth(fit(s, w)) === w));
  });

  it('cuts with an ellipsis and aligns right', () => {
    expect(fit('urbanisation', 6)).toBe('urban…');
    expect(fit('12', 4, 'right')).toBe('  12');
  });
});
