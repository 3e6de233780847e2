/**
 * Zod validation failures → specific, located {@link InputError}s.
 *
 * zod reports a failed union either as every branch's issues or — when exactly one branch failed
 * only softly — as that branch's issues, which may not be the branch the user meant
 * (`{dist: normal, mean: 1}` would be blamed for not being the long form). So instead of reading
 * zod's issue list, this walks the schema along the value and, at every union, follows the branch
 * that matches the value's shape: a number → the number rules, a mapping with `dist` → the
 * distribution branch, any other mapping → the branch whose keys it uses. Unknown keys name the
 * key and list the allowed ones; enums list their options.
 *
 * @module
 */
import type { z } from 'zod';
import { describeFound, InputError, pathString, type Location } from './errors.js';
import { isMapping, valueAt } from './located.js';

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;
// zod's definitions are a union of many types; the walker reads them structurally.
type Def = { type: string } & Record<string, any>;

/** How the walker locates a field path (already prefixed with the base path). */
export type Locator = (path: string[], opts?: { key?: boolean }) => Location;

const def = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional', 'catch']);

function unwrap(s: Schema): Schema {
  let cur = s;
  for (;;) {
    const d = def(cur);
    if (WRAPPERS.has(d.type)) cur = d.innerType;
    else if (d.type === 'pipe') cur = d.in;
    else if (d.type === 'lazy') cur = d.getter();
    else return cur;
  }
}

/** The keys a mapping branch knows (for a discriminated union, those of all its options). */
function knownKeys(s: Schema): Set<string> {
  const d = def(unwrap(s));
  if (d.type === 'object') return new Set(Object.keys(d.shape));
  if (d.type === 'union') return new Set(d.options.flatMap((o: Schema) => [...knownKeys(o)]));
  return new Set();
}

function accepts(s: Schema, v: unknown): boolean {
  const d = def(unwrap(s));
  switch (d.type) {
    case 'number':
    case 'int':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
    case 'literal':
      return [...((unwrap(s) as unknown as { _zod: { values?: Set<unknown> } })._zod.values ?? [])].some((x) => typeof x === typeof v);
    case 'object':
    case 'record':
      return isMapping(v);
    case 'array':
    case 'tuple':
      return Array.isArray(v);
    case 'union':
      return d.options.some((o: Schema) => accepts(o, v));
    default:
      return true;
  }
}

/** The branch of a union that matches the value's shape, or undefined when no branch has its type. */
function pickBranch(options: Schema[], v: unknown): Schema | undefined {
  const candidates = options.filter((o) => accepts(o, v));
  if (candidates.length <= 1 || !isMapping(v)) return candidates[0];
  const keys = Object.keys(v);
  const score = (o: Schema): [number, number, number] => {
    const d = def(unwrap(o));
    const known = knownKeys(o);
    const missingDiscriminator = d.type === 'union' && d.discriminator !== undefined && !(d.discriminator in v) ? 1 : 0;
    const unknown = keys.filter((k) => !known.has(k)).length;
    return [missingDiscriminator, unknown, -(keys.length - unknown)];
  };
  const scored = candidates.map((o) => ({ o, s: score(o) }));
  scored.sort((a, b) => a.s[0] - b.s[0] || a.s[1] - b.s[1] || a.s[2] - b.s[2]);
  return scored[0].o;
}

const isPlainObject = (s: Schema) => def(unwrap(s)).type === 'object';

/**
 * What a schema accepts, in words: `an integer from 1900 to 2300`, `a distribution`,
 * `a number or a distribution (or a mapping with keys value, change, byYear, walk, why)`.
 *
 * @example
 * describeSchema(z.number()); // 'a number'
 */
export function describeSchema(s: Schema): string {
  const u = unwrap(s);
  const d = def(u);
  const values = (u as unknown as { _zod: { values?: Set<unknown> } })._zod.values;
  switch (d.type) {
    case 'number': {
      const n = u as unknown as { isInt?: boolean; minValue?: number | null; maxValue?: number | null };
      const what = n.isInt ? 'an integer' : 'a number';
      const lo = n.minValue ?? -Infinity;
      const hi = n.maxValue ?? Infinity;
      return Number.isFinite(lo) && Number.isFinite(hi) ? `${what} from ${lo} to ${hi}` : what;
    }
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'enum':
    case 'literal':
      return values && values.size === 1 ? JSON.stringify([...values][0]) : `one of ${[...(values ?? [])].map((x) => JSON.stringify(x)).join(', ')}`;
    case 'object':
      return `a mapping with keys ${Object.keys(d.shape).join(', ')}`;
    case 'record':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'tuple':
      return `a list of ${d.items.length} items`;
    case 'union': {
      if (d.discriminator !== undefined) return d.discriminator === 'dist' ? 'a distribution' : `a mapping with ${d.discriminator}`;
      const options = d.options as Schema[];
      const simple = [...new Set(options.filter((o) => !isPlainObject(o)).map(describeSchema))];
      const objects = options.filter(isPlainObject).map(describeSchema);
      if (simple.length === 0) return objects.join(', or ');
      const head = simple.length === 1 ? simple[0] : `${simple.slice(0, -1).join(', ')} or ${simple.at(-1)}`;
      return objects.length === 0 ? head : `${head} (or ${objects.join(', or ')})`;
    }
    default:
      return 'a valid value';
  }
}

function describeExpectedType(t: string): string {
  const words: Record<string, string> = {
    number: 'a number',
    int: 'an integer',
    string: 'a string',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
    tuple: 'a list',
    record: 'a mapping',
  };
  return words[t] ?? t;
}

function bound(issue: Issue & { origin?: string; inclusive?: boolean }, limit: unknown, small: boolean): string {
  const n = Number(limit);
  switch (issue.origin) {
    case 'array':
    case 'set':
      return small ? `at least ${n} item${n === 1 ? '' : 's'}` : `at most ${n} item${n === 1 ? '' : 's'}`;
    case 'string':
      return small ? (n === 1 ? 'a non-empty string' : `a string of at least ${n} characters`) : `a string of at most ${n} characters`;
    default:
      return `a number ${small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<'} ${limit}`;
  }
}

/** Maps one zod issue at `path` (value `v` there, schema `s` when the issue is about `v` itself). */
function fromIssue(issue: Issue, v: unknown, path: string[], locate: Locator, s?: Schema): InputError[] {
  const sub = issue.path.map(String);
  const full = [...path, ...sub];
  const at = valueAt(v, sub);
  const err = (init: { found?: string; expected?: string; detail?: string }, key = false) =>
    new InputError({ ...locate(full, { key }), path: pathString(full), ...init });
  const i = issue as Issue & Record<string, any>;
  switch (issue.code) {
    case 'invalid_type':
      return [err({ found: describeFound(at), expected: sub.length === 0 && s ? describeSchema(s) : describeExpectedType(i.expected) })];
    case 'too_small':
      return [err({ found: describeFound(at), expected: bound(i, i.minimum, true) })];
    case 'too_big':
      return [err({ found: describeFound(at), expected: bound(i, i.maximum, false) })];
    case 'invalid_value':
      return [err({ found: describeFound(at), expected: i.values.length === 1 ? JSON.stringify(i.values[0]) : `one of ${i.values.map((x: unknown) => JSON.stringify(x)).join(', ')}` })];
    case 'invalid_format': {
      const custom = !/^Invalid/.test(issue.message);
      return [err({ found: describeFound(at), expected: custom ? issue.message : `a string matching ${i.pattern ?? i.format}` })];
    }
    case 'unrecognized_keys':
      return (i.keys as string[]).map(
        (k) => new InputError({ ...locate([...full, k], { key: true }), path: pathString([...full, k]), detail: `unknown key "${k}"` }),
      );
    case 'invalid_key':
      return [err({ detail: `invalid key ${JSON.stringify(sub.at(-1))}: ${(i.issues as Issue[]).map((x) => x.message).join('; ')}` }, true)];
    case 'invalid_union': {
      // Unions are entered by the walk; this is only reached for unions it does not enter.
      const options = (i.options ?? []) as unknown[];
      const expected = options.length > 0 ? `one of ${options.map((x) => JSON.stringify(x)).join(', ')}` : sub.length === 0 && s ? describeSchema(s) : 'another value';
      return [err({ found: describeFound(at), expected })];
    }
    case 'custom':
      return [err({ detail: typeof at === 'object' || at === undefined ? issue.message : `${issue.message}; found ${describeFound(at)}` })];
    default:
      return [err({ detail: issue.message })];
  }
}

function leaf(s: Schema, v: unknown, path: string[], locate: Locator, issues: readonly Issue[]): InputError[] {
  return issues.flatMap((issue) => fromIssue(issue, v, path, locate, s));
}

function walk(s: Schema, v: unknown, path: string[], locate: Locator): InputError[] {
  const r = (s as unknown as z.ZodType).safeParse(v);
  if (r.success) return [];
  const d = def(s);
  const issues = r.error.issues;
  if (WRAPPERS.has(d.type)) return walk(d.innerType, v, path, locate);
  if (d.type === 'pipe') {
    const inner = walk(d.in, v, path, locate);
    return inner.length > 0 ? inner : leaf(s, v, path, locate, issues);
  }
  if (d.type === 'lazy') return walk(d.getter(), v, path, locate);
  if (d.type === 'union') {
    if (d.discriminator !== undefined && isMapping(v)) {
      const disc: string = d.discriminator;
      if (!(disc in v)) {
        return [new InputError({ ...locate(path), path: pathString(path), found: describeFound(v), expected: `${describeSchema(s)} (a mapping with ${disc}: …)` })];
      }
      const tag = (o: Schema) => def(unwrap(o)).shape[disc] as Schema;
      const option = (d.options as Schema[]).find((o) => (tag(o) as unknown as z.ZodType).safeParse(v[disc]).success);
      if (option === undefined) {
        const values = (d.options as Schema[]).map((o) => describeSchema(tag(o)));
        return [new InputError({ ...locate([...path, disc]), path: pathString([...path, disc]), found: describeFound(v[disc]), expected: `one of ${values.join(', ')}` })];
      }
      return walk(option, v, path, locate);
    }
    const branch = pickBranch(d.options, v);
    if (branch === undefined) return [new InputError({ ...locate(path), path: pathString(path), found: describeFound(v), expected: describeSchema(s) })];
    return walk(branch, v, path, locate);
  }
  if (d.type === 'object' && isMapping(v)) {
    const shape = d.shape as Record<string, Schema>;
    const strict = def(d.catchall ?? ({ _zod: { def: { type: 'unknown' } } } as unknown as Schema)).type === 'never';
    const allowed = Object.keys(shape);
    const errors: InputError[] = [];
    for (const k of Object.keys(v)) {
      if (Object.hasOwn(shape, k)) continue;
      if (strict) {
        const at = [...path, k];
        errors.push(new InputError({ ...locate(at, { key: true }), path: pathString(at), detail: `unknown key "${k}"; allowed keys: ${allowed.join(', ')}` }));
      } else if (d.catchall !== undefined) errors.push(...walk(d.catchall, v[k], [...path, k], locate));
    }
    for (const k of allowed) errors.push(...walk(shape[k], v[k], [...path, k], locate));
    return errors.length > 0 ? errors : leaf(s, v, path, locate, issues);
  }
  if (d.type === 'array' && Array.isArray(v)) {
    const errors = v.flatMap((x, i) => walk(d.element, x, [...path, String(i)], locate));
    return errors.length > 0 ? errors : leaf(s, v, path, locate, issues);
  }
  if (d.type === 'tuple' && Array.isArray(v)) {
    const errors = (d.items as Schema[]).flatMap((item, i) => (i < v.length ? walk(item, v[i], [...path, String(i)], locate) : []));
    return errors.length > 0 ? errors : leaf(s, v, path, locate, issues);
  }
  if (d.type === 'record' && isMapping(v)) {
    const errors: InputError[] = [];
    for (const [k, x] of Object.entries(v)) {
      const kr = (d.keyType as z.ZodType).safeParse(k);
      const at = [...path, k];
      if (!kr.success) {
        errors.push(new InputError({ ...locate(at, { key: true }), path: pathString(at), detail: `invalid key ${JSON.stringify(k)}: ${kr.error.issues[0].message}` }));
      } else errors.push(...walk(d.valueType, x, at, locate));
    }
    return errors.length > 0 ? errors : leaf(s, v, path, locate, issues);
  }
  return leaf(s, v, path, locate, issues);
}

/**
 * The walk alone, without {@link explainZod}'s fallback on zod's own issues (which should never
 * be needed: tests check that this finds an error exactly when zod rejects the value).
 *
 * @example
 * walkZod(ParamSchema, 'abc', ['srb'], locate).length; // 1
 */
export function walkZod(schema: Schema, value: unknown, base: string[], locate: Locator): InputError[] {
  return walk(schema, value, base, locate);
}

/**
 * Validates `value` against `schema` and explains every failure as a located input error
 * (empty when valid). `base` prefixes every path (e.g. `['assumptions']` for a model's schema).
 *
 * @example
 * const errors = explainZod(ParamSchema, { dist: 'normal', mean: 1 }, ['assumptions', 'srb'], locate);
 * errors[0].format(); // '…: assumptions.srb.sd: found nothing (the field is missing), expected a number'
 */
export function explainZod(schema: Schema, value: unknown, base: string[], locate: Locator): InputError[] {
  // A valid value needs no walk (the walk finds an error exactly when zod rejects the value: tests)
  const r = (schema as unknown as z.ZodType).safeParse(value);
  if (r.success) return [];
  const errors = walkZod(schema, value, base, locate);
  // Never report a rejected value as valid: fall back on zod's own issues.
  return errors.length > 0 ? errors : leaf(schema, value, base, locate, r.error.issues);
}
