/**
 * Mutations of valid scenario files for fuzzing the front door: structural ones on the parsed
 * document (delete, retype or rename a key, a number as a string, huge numbers, NaN/Infinity as
 * text, deep nesting, odd Unicode), re-serialised as YAML, and textual ones on the file
 * (truncation, a duplicated line, bytes inserted anywhere). Each mutation is a fast-check value, so
 * a failing case shrinks to a small one and prints as a readable description.
 *
 * @module
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

type Path = (string | number)[];

/** Every path of a parsed document (mappings and lists walked depth first), the root first. */
export function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

/** Odd text: control characters, BOM, zero-width and bidi marks, lone surrogates, NUL, emoji, CJK. */
export const ODD_TEXT = ['\u0000', '\uFEFF', '\u200B', '\u202E', '\uD800', '\uDFFF', '\u0085', '\u2028', '\r', '\t', '💥', '菏泽', 'e\u0301', '\u{10FFFF}', '"', "'", '#', ': ', '- ', '{', ']', '&a', '*a', '!!binary', '%YAML 1.1', '---', '...'];

/** Replacement values of every kind, including extreme numbers and NaN/Infinity as YAML and as text. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1, 0.5, -0.5, 2, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 1e21, 2021.5, 9999, -2021),
  fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 'NaN', 'nan', '.nan', 'Infinity', '-Infinity', '.inf', '1e400', '0x10', '1_000', ''),
  fc.constantFrom<unknown>([], {}, [1, 2], { dist: 'uniform', min: 0, max: 1 }, { dist: 'normal', mean: 0.5, sd: 1e308 }, { value: 0.1, change: 1e308 }, { byYear: { 2025: 0.1, 1e9: 0.2 } }),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(...ODD_TEXT),
);

/** A structural change to the document at one of its paths (the index is taken modulo the number of paths). */
export type DocMutation =
  | { op: 'delete'; at: number }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'stringify'; at: number }
  | { op: 'renameKey'; at: number; suffix: string }
  | { op: 'addKey'; at: number; key: string; value: unknown }
  | { op: 'nest'; at: number; depth: number; list: boolean };

/** A change to the file's text. */
export type TextMutation =
  | { op: 'truncate'; fraction: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'insert'; fraction: number; text: string }
  | { op: 'deleteSpan'; fraction: number; length: number };

/** Structural mutations. */
export const docMutation: fc.Arbitrary<DocMutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
  fc.record({ op: fc.constant('stringify' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('renameKey' as const), at: fc.nat(), suffix: fc.constantFrom('x', '_', ' ', '\u200B', 'É', '.', '0') }),
  fc.record({ op: fc.constant('addKey' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'dist', 'seed', 'why', 'value')), value: replacement }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(1000, 5000)), list: fc.boolean() }),
);

/** Textual mutations. */
export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom(...ODD_TEXT), fc.string({ maxLength: 4 })) }),
  fc.record({ op: fc.constant('deleteSpan' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
);

function parentAndKey(doc: unknown, path: Path): [Record<string | number, unknown>, string | number] | null {
  if (path.length === 0) return null;
  let parent = doc as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  return [parent, path[path.length - 1]];
}

/** Sets an own property, also one named `__proto__` (an assignment would change the prototype). */
function put(o: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
}

function nested(depth: number, list: boolean, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = list ? [v] : { a: v };
  return v;
}

/** Nesting deeper than this is written as flow text after serialising (the serialiser itself would overflow). */
const DEEP = 100;

/**
 * Applies structural mutations, in order, to a copy of a parsed document and serialises it as YAML.
 *
 * @example
 * applyDocMutations({ a: 1 }, [{ op: 'stringify', at: 1 }]); // 'a: "1"\n'
 */
export function applyDocMutations(parsed: unknown, ms: DocMutation[]): string {
  let doc = structuredClone(parsed);
  const deep: string[] = [];
  for (const m of ms) doc = applyOne(doc, m, deep);
  let text: string;
  try {
    text = stringify(doc, { aliasDuplicateObjects: false });
  } catch {
    text = JSON.stringify(doc); // nested too deeply for the serialiser (nest on nest): JSON is YAML too
  }
  deep.forEach((flow, k) => (text = text.replace(`__deep${k}__`, flow)));
  return text;
}

function applyOne(doc: unknown, m: DocMutation, deep: string[]): unknown {
  const paths = pathsOf(doc);
  const path = paths[m.at % paths.length];
  const pk = parentAndKey(doc, path);
  const get = () => (pk === null ? doc : pk[0][pk[1]]);
  const set = (v: unknown) => {
    if (pk === null) return v;
    put(pk[0], pk[1], v);
    return doc;
  };
  switch (m.op) {
    case 'delete':
      if (pk === null) return null;
      if (Array.isArray(pk[0])) pk[0].splice(Number(pk[1]), 1);
      else delete pk[0][pk[1]];
      return doc;
    case 'replace':
      return set(structuredClone(m.value)); // a copy: constants are shared between cases
    case 'stringify':
      return set(typeof get() === 'object' ? JSON.stringify(get()) : String(get()));
    case 'renameKey':
      if (pk !== null && !Array.isArray(pk[0])) {
        const v = pk[0][pk[1]];
        delete pk[0][pk[1]];
        put(pk[0], `${String(pk[1])}${m.suffix}`, v);
      }
      return doc;
    case 'addKey': {
      const target = get();
      const value = structuredClone(m.value);
      if (typeof target !== 'object' || target === null || Array.isArray(target)) {
        const o = {};
        put(o, m.key, value);
        return set(o);
      }
      put(target as Record<string, unknown>, m.key, value);
      return doc;
    }
    case 'nest':
      if (m.depth <= DEEP) return set(nested(m.depth, m.list, get()));
      deep.push(m.list ? `${'['.repeat(m.depth)}1${']'.repeat(m.depth)}` : `${'{a: '.repeat(m.depth)}1${'}'.repeat(m.depth)}`);
      return set(`__deep${deep.length - 1}__`);
  }
}

/**
 * Applies a textual mutation.
 *
 * @example
 * applyTextMutation('ab\ncd\n', { op: 'duplicateLine', line: 0 }); // 'ab\nab\ncd\n'
 */
export function applyTextMutation(text: string, m: TextMutation): string {
  const at = (f: number) => Math.min(text.length, Math.floor(f * text.length));
  switch (m.op) {
    case 'truncate':
      return text.slice(0, at(m.fraction));
    case 'duplicateLine': {
      const lines = text.split('\n');
      const k = m.line % lines.length;
      return [...lines.slice(0, k + 1), lines[k], ...lines.slice(k + 1)].join('\n');
    }
    case 'insert':
      return text.slice(0, at(m.fraction)) + m.text + text.slice(at(m.fraction));
    case 'deleteSpan':
      return text.slice(0, at(m.fraction)) + text.slice(at(m.fraction) + m.length);
  }
}

/** Mutations of one case: structural ones (applied first), then textual ones. */
export const mutations = fc.record({
  doc: fc.array(docMutation, { maxLength: 3 }),
  text: fc.array(textMutation, { maxLength: 2 }),
}).filter((m) => m.doc.length + m.text.length > 0);

/**
 * Applies a case's mutations to a valid scenario (its text and its parsed document).
 *
 * @example
 * mutate({ text: 'a: 1\n', doc: { a: 1 } }, { doc: [], text: [{ op: 'truncate', fraction: 0.5 }] }); // 'a:'
 */
export function mutate(seed: { text: string; doc: unknown }, ms: { doc: DocMutation[]; text: TextMutation[] }): string {
  let t = ms.doc.length > 0 ? applyDocMutations(seed.doc, ms.doc) : seed.text;
  for (const m of ms.text) t = applyTextMutation(t, m);
  return t;
}
