import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/scenario/errors.js';
import { isMapping, locateIn, mergeLocated, uniformLoc, valueAt, type Located } from '../../src/scenario/located.js';

const at = (file: string, line = 1): Location => ({ file, line, column: 1 });

describe('locateIn', () => {
  const doc: Located = {
    value: { a: { b: [10, 20] } },
    loc: {
      at: at('f', 1),
      children: new Map([['a', { at: at('f', 2), key: { file: 'f', line: 2, column: 0 }, children: new Map([['b', { at: at('f', 3), children: new Map([['1', { at: at('f', 5) }]]) }]]) }]]),
    },
  };

  it('finds a node by path, with numbers or strings as list indices', () => {
    expect(locateIn(doc.loc, ['a', 'b', 1]).line).toBe(5);
    expect(locateIn(doc.loc, ['a', 'b', '1']).line).toBe(5);
  });

  it('reports a missing field at the deepest node that exists', () => {
    expect(locateIn(doc.loc, ['a', 'missing', 'deeper']).line).toBe(2);
    expect(locateIn(doc.loc, []).line).toBe(1);
  });

  it('locates the key when asked, and the value when the path is incomplete', () => {
    expect(locateIn(doc.loc, ['a'], { key: true }).column).toBe(0);
    expect(locateIn(doc.loc, ['a', 'nope'], { key: true }).column).toBe(1);
  });
});

it('valueAt walks mappings and lists', () => {
  expect(valueAt({ a: [{ b: 1 }] }, ['a', '0', 'b'])).toBe(1);
  expect(valueAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
  expect(valueAt({ a: 1 }, ['toString'])).toBeUndefined();
});

/** A document whose every node is located in `file`. */
const inFile = (value: unknown, file: string): Located => ({ value, loc: uniformLoc(value, at(file)) });

/** JSON Merge Patch (RFC 7386), written independently, plus atomic distributions. */
function reference(base: unknown, over: unknown): unknown {
  if (!isMapping(over) || !isMapping(base) || 'dist' in base || 'dist' in over) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else out[k] = k in base ? reference(base[k], v) : v;
  }
  return out;
}

/** Every path to a node of `v`. */
function paths(v: unknown, prefix: string[] = []): string[][] {
  const own = [prefix];
  if (Array.isArray(v)) return [...own, ...v.flatMap((x, i) => paths(x, [...prefix, String(i)]))];
  if (isMapping(v)) return [...own, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...prefix, k]))];
  return own;
}

describe('mergeLocated (extends)', () => {
  const key = fc.constantFrom('a', 'b', 'c', 'dist', 'value');
  const doc = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
  })).node;
  const isDist = (v: Record<string, unknown>) => 'dist' in v;

  it('merges like JSON Merge Patch: mappings merge, lists and scalars replace, null deletes, distributions replace', () => {
    fc.assert(
      fc.property(fc.dictionary(key, doc), fc.dictionary(key, doc), (base, over) => {
        const merged = mergeLocated(inFile(base, 'base'), inFile(over, 'over'), isDist);
        expect(merged.value).toEqual(reference(base, over));
      }),
      { numRuns: 1000 },
    );
  });

  it('locates every node of the result in the file its value came from', () => {
    fc.assert(
      fc.property(fc.dictionary(key, doc), fc.dictionary(key, doc), (base, over) => {
        const merged = mergeLocated(inFile(base, 'base'), inFile(over, 'over'), isDist);
        for (const p of paths(merged.value).filter((p) => p.length > 0)) {
          // A leaf came from the derived file exactly when the derived file has that path with that value.
          const fromOver = valueAt(over, p) !== undefined && JSON.stringify(valueAt(over, p)) === JSON.stringify(valueAt(merged.value, p));
          const leaf = !isMapping(valueAt(merged.value, p));
          if (leaf) expect(locateIn(merged.loc, p).file).toBe(fromOver ? 'over' : 'base');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('does not modify its inputs', () => {
    const base = { a: { b: 1 } };
    const over = { a: { c: 2, b: null } };

    mergeLocated(inFile(base, 'base'), inFile(over, 'over'));

    expect(base).toEqual({ a: { b: 1 } });
    expect(over).toEqual({ a: { c: 2, b: null } });
  });
});
