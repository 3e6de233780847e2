/**
 * `--set path=value` overrides, applied to the merged document before validation. The value is
 * parsed as YAML (`--set 'assumptions.srb={dist: uniform, min: 1.05, max: 1.12}'`); the path is
 * dotted, with list indices as numbers (`targets.0.value`). Missing mappings on the way are
 * created (the schema then names any unknown key, located at the `--set`); a path through a
 * number, a string or past the end of a list is an error naming the `--set`.
 *
 * @module
 */
import { parse } from '../vendor/yaml.js';
import { describeFound, InputError, type Location } from './errors.js';
import { isMapping, locateIn, uniformLoc, type Located, type LocNode } from './located.js';

/**
 * The location reported for everything a `--set` argument wrote.
 *
 * @example
 * setLocation('horizon=2030'); // { file: '--set horizon=2030', line: 0, column: 0 }
 */
export function setLocation(arg: string): Location {
  return { file: `--set ${arg}`, line: 0, column: 0 };
}

/** A parsed `--set` argument. */
export interface SetOverride {
  arg: string;
  path: string[];
  value: unknown;
}

/**
 * Parses one `--set` argument.
 *
 * @example
 * parseSet('assumptions.srb=1.1'); // { arg: 'assumptions.srb=1.1', path: ['assumptions', 'srb'], value: 1.1 }
 */
export function parseSet(arg: string): SetOverride {
  const eq = arg.indexOf('=');
  const at = setLocation(arg);
  const pathText = eq < 0 ? arg : arg.slice(0, eq);
  const path = pathText.split('.');
  if (eq < 0 || path.some((p) => p.trim() === '')) {
    throw new InputError({ ...at, path: '', found: JSON.stringify(arg), expected: 'path=value, e.g. assumptions.ruralToUrban.value=0.025' });
  }
  if (path[0] === 'extends') {
    throw new InputError({ ...at, path: 'extends', detail: 'extends cannot be changed with --set (it is read before the overrides); write a scenario that extends the other one' });
  }
  let value: unknown;
  try {
    value = parse(arg.slice(eq + 1), { logLevel: 'error' }); // warnings (an unknown tag) would go to stderr unlocated
  } catch (e) {
    throw new InputError({ ...at, path: pathText, detail: `the value is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
  }
  try {
    JSON.stringify(value); // throws on a value containing itself (`&a [*a]`) or nested too deeply
  } catch (e) {
    const why = e instanceof TypeError ? 'it contains itself (an alias *x inside its own anchor &x)' : 'it is nested too deeply';
    throw new InputError({ ...at, path: pathText, detail: `the value cannot be used: ${why}` });
  }
  return { arg, path, value };
}

function describeAt(doc: Located, path: string[]): string {
  const at = locateIn(doc.loc, path);
  return at.line > 0 ? ` (at ${at.file.split('/').at(-1)}:${at.line}:${at.column})` : '';
}

/**
 * Applies `--set` arguments in order; returns a new document (the input is not modified).
 *
 * @example
 * applySets(doc, ['horizon=2030']).value.horizon; // 2030
 */
export function applySets(doc: Located, args: readonly string[]): Located {
  let out = doc;
  for (const arg of args) out = applyOne(out, parseSet(arg));
  return out;
}

function applyOne(doc: Located, { arg, path, value }: SetOverride): Located {
  const at = setLocation(arg);
  const setIn = (v: unknown, loc: LocNode, i: number): { value: unknown; loc: LocNode } => {
    if (i === path.length) return { value, loc: uniformLoc(value, at) };
    const seg = path[i];
    const here = path.slice(0, i);
    const children = new Map(loc.children);
    if (Array.isArray(v)) {
      const k = Number(seg);
      if (!Number.isInteger(k) || k < 0 || k >= v.length) {
        throw new InputError({ ...at, path: path.join('.'), detail: `${here.join('.')} is a list of ${v.length} items${describeAt(doc, here)}; "${seg}" is not one of its indices (0 … ${v.length - 1})` });
      }
      const child = setIn(v[k], loc.children?.get(seg) ?? { at }, i + 1);
      children.set(seg, child.loc);
      return { value: v.map((x, j) => (j === k ? child.value : x)), loc: { ...loc, children } };
    }
    if (v === undefined || isMapping(v)) {
      const m = v ?? {};
      const child = setIn(m[seg], loc.children?.get(seg) ?? { at, key: at }, i + 1);
      children.set(seg, child.loc);
      return { value: { ...m, [seg]: child.value }, loc: { ...loc, children } };
    }
    throw new InputError({
      ...at,
      path: path.join('.'),
      detail: `${here.join('.') || 'the scenario'} is ${describeFound(v)}${describeAt(doc, here)}, so it has no field "${seg}"; set ${here.join('.')} itself instead`,
    });
  };
  const r = setIn(doc.value, doc.loc, 0);
  return { value: r.value, loc: r.loc };
}
