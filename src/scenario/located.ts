/**
 * A YAML document as plain data plus a tree of positions mirroring it, so that any field path can
 * be traced back to the file (and line and column) it came from, also after `extends:` merging
 * and `--set` overrides.
 *
 * @module
 */
import type { Location } from './errors.js';

/** Where one node of a document stands: its value, its key (for mapping entries), its children. */
export interface LocNode {
  at: Location;
  key?: Location;
  children?: Map<string, LocNode>;
}

/** Plain data (what `yaml` gives with `toJS()`) with its positions. */
export interface Located {
  value: unknown;
  loc: LocNode;
}

/**
 * Whether `v` is a plain mapping (not a list, not null).
 *
 * @example
 * isMapping({ a: 1 }); // true
 * isMapping([1]); // false
 */
export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The location of a field path: the deepest node along the path that exists (a missing field is
 * reported at its parent). With `key`, a mapping entry is located at its key rather than its value.
 *
 * @example
 * locateIn(doc.loc, ['assumptions', 'tfr', 'urban']); // { file, line: 12, column: 12 }
 */
export function locateIn(root: LocNode, path: readonly (string | number)[], opts: { key?: boolean } = {}): Location {
  let node = root;
  let complete = true;
  for (const seg of path) {
    const next = node.children?.get(String(seg));
    if (next === undefined) {
      complete = false;
      break;
    }
    node = next;
  }
  return complete && opts.key && node.key !== undefined ? node.key : node.at;
}

/**
 * The value at a field path, or undefined.
 *
 * @example
 * valueAt({ a: [{ b: 1 }] }, ['a', '0', 'b']); // 1
 */
export function valueAt(v: unknown, path: readonly (string | number)[]): unknown {
  let cur = v;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isMapping(cur)) cur = Object.hasOwn(cur, String(seg)) ? cur[String(seg)] : undefined;
    else return undefined;
  }
  return cur;
}

/**
 * A position tree where every node of `value` stands at `at` (for values given on the command line).
 *
 * @example
 * uniformLoc({ a: [1] }, setLocation('x={a: [1]}')); // every node at the --set
 */
export function uniformLoc(value: unknown, at: Location): LocNode {
  const node: LocNode = { at, key: at };
  if (Array.isArray(value)) node.children = new Map(value.map((x, i) => [String(i), uniformLoc(x, at)]));
  else if (isMapping(value)) node.children = new Map(Object.entries(value).map(([k, x]) => [k, uniformLoc(x, at)]));
  return node;
}

/**
 * Deep merge of a derived document over its base, in the manner of JSON Merge Patch (RFC 7386):
 * mappings merge key by key, lists and scalars replace, and a null value removes the key. A
 * mapping for which `atomic` holds (e.g. a distribution) replaces rather than merges. Positions
 * follow the values: each node keeps the location of the document it came from.
 *
 * @example
 * mergeLocated(base, derived).value; // base's keys, overridden by derived's
 */
export function mergeLocated(base: Located, over: Located, atomic: (v: Record<string, unknown>) => boolean = () => false): Located {
  if (!isMapping(base.value) || !isMapping(over.value) || atomic(base.value) || atomic(over.value)) return over;
  const value: Record<string, unknown> = { ...base.value };
  const children = new Map(base.loc.children);
  for (const [k, v] of Object.entries(over.value)) {
    const overLoc = over.loc.children?.get(k) ?? { at: over.loc.at };
    const baseLoc = base.loc.children?.get(k);
    if (v === null) {
      delete value[k];
      children.delete(k);
    } else if (Object.hasOwn(base.value, k) && baseLoc !== undefined) {
      const merged = mergeLocated({ value: base.value[k], loc: baseLoc }, { value: v, loc: overLoc }, atomic);
      value[k] = merged.value;
      children.set(k, merged.loc);
    } else {
      value[k] = v;
      children.set(k, overLoc);
    }
  }
  return { value, loc: { ...over.loc, children } };
}
