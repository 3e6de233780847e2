/**
 * Input errors: what the user wrote wrong, located by file, line, column and field path, in one
 * or two lines with no stack trace. Every stage (YAML parsing, zod validation, seed resolution,
 * parameter compilation) reports through {@link InputError}.
 *
 * @module
 */
import { relative } from 'node:path';
import { ParamError } from '../params/compile.js';

/**
 * A place in the input. `line` and `column` are 1-based; `line` 0 means the whole file (or a
 * command-line argument such as `--set path=value`, written as `file`).
 */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/** What an {@link InputError} is made of. */
export interface InputErrorInit extends Location {
  /** Field path, dotted (`assumptions.tfr.urban`, `targets.2.value`); empty for the whole file. */
  path: string;
  /** What was found, described for humans (`"abc" (a string)`). */
  found?: string;
  /** What is expected (`a number or a distribution`). */
  expected?: string;
  /** A complete description, used instead of "found …, expected …". */
  detail?: string;
}

/** Shows an absolute file relative to the working directory when it lies below it. */
function displayFile(file: string, cwd: string): string {
  if (file.startsWith('--')) return file;
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/') ? rel : file;
}

/** A mistake in the user's input: exit code 2, never a stack trace. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly found?: string;
  readonly expected?: string;
  readonly detail: string;
  /** Further problems found in the same pass (reported after this one). */
  others: InputError[] = [];

  constructor(init: InputErrorInit) {
    const detail = init.detail ?? `found ${init.found ?? 'nothing'}, expected ${init.expected ?? 'something else'}`;
    super(detail);
    this.name = 'InputError';
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.path = init.path;
    this.found = init.found;
    this.expected = init.expected;
    this.detail = detail;
  }

  /**
   * One or two lines: `file:line:column: path: found …, expected …`.
   *
   * @example
   * new InputError({ file: '/w/x.yml', line: 12, column: 5, path: 'assumptions.tfr.urban',
   *   found: '"abc" (a string)', expected: 'a number or a distribution' }).format('/w');
   * // 'x.yml:12:5: assumptions.tfr.urban: found "abc" (a string), expected a number or a distribution'
   */
  format(cwd = process.cwd()): string {
    const file = displayFile(this.file, cwd);
    const where = this.line > 0 ? `${file}:${this.line}:${this.column}` : file;
    return `${where}: ${this.path === '' ? '' : `${this.path}: `}${this.detail}`;
  }

  /** This error and the others, one per line group, in the order found. */
  formatAll(cwd = process.cwd()): string {
    // one line per distinct message: zod reports 2^64 both as unsafe and as above the maximum
    return [...new Set([this, ...this.others].map((e) => e.format(cwd)))].join('\n');
  }
}

/**
 * Throws the first of a list of errors (in file, line, column order) carrying the rest.
 *
 * @example
 * throwAll(errors); // never returns when errors is non-empty
 */
export function throwAll(errors: InputError[]): void {
  if (errors.length === 0) return;
  const sorted = [...errors].sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0));
  const [first, ...rest] = sorted;
  first.others = rest;
  throw first;
}

/**
 * A path as written in messages.
 *
 * @example
 * pathString(['targets', 2, 'value']); // 'targets.2.value'
 */
export function pathString(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

function shortText(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A compact one-line rendering of a YAML value, e.g. `{dist: normal, mean: 1}`. */
function inline(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return /^[\w.+-]*$/.test(v) && v !== '' ? v : JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (depth > 1) return Array.isArray(v) ? '[…]' : '{…}';
  if (Array.isArray(v)) return `[${v.map((x) => inline(x, depth + 1)).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${k}: ${inline(x, depth + 1)}`).join(', ')}}`;
}

/**
 * Describes a value as found in the input, with its type where that helps.
 *
 * @example
 * describeFound('abc'); // '"abc" (a string)'
 * describeFound(undefined); // 'nothing (the field is missing)'
 */
export function describeFound(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'an empty value';
  if (typeof v === 'string') return `${shortText(JSON.stringify(v))} (a string)`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list (${shortText(inline(v))})`;
  return `a mapping (${shortText(inline(v))})`;
}

/**
 * Turns a {@link ParamError} (a compile-stage error carrying a scenario path) into a located
 * {@link InputError}.
 *
 * @example
 * fromParamError(e, (path) => loaded.locate(path));
 */
export function fromParamError(e: ParamError, locate: (path: string[]) => Location): InputError {
  return new InputError({ ...locate(e.path), path: pathString(e.path), detail: e.message });
}

/**
 * Converts whatever a stage threw into an {@link InputError} when it is one (or a located
 * `ParamError`); anything else is returned unchanged (an internal error).
 *
 * @example
 * throw asInputError(e, loaded.locate);
 */
export function asInputError(e: unknown, locate: (path: string[]) => Location): unknown {
  return isParamError(e) ? fromParamError(e, locate) : e;
}

/**
 * Whether `e` is a {@link ParamError}. Structural, because a model imported from `dist/` throws
 * the compiled class, which differs from the source class when running under vitest.
 *
 * @example
 * isParamError(new ParamError(['horizon'], 'too far')); // true
 */
export function isParamError(e: unknown): e is ParamError {
  return (
    e instanceof ParamError ||
    (e instanceof Error && e.constructor.name === 'ParamError' && Array.isArray((e as { path?: unknown }).path))
  );
}
