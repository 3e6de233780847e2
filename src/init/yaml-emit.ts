/**
 * A small YAML writer for generated scenarios: block mappings and sequences, distributions
 * (`{dist: pert, …}`) and short number lists in flow style, every string double-quoted (JSON
 * escapes are valid YAML), and comment lines where the caller puts them.
 *
 * @module
 */

/** A value the writer can emit; a `Comment` inside a mapping becomes a `# …` line before the next key. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [k: string]: YamlValue | Comment | undefined };

/** A comment line in a mapping: `{ [commentKey()]: new Comment('…') }`. */
export class Comment {
  constructor(readonly text: string) {}
}

let n = 0;
/** A unique key for a {@link Comment} entry. */
export const commentKey = (): string => `#${n++}`;

const isMap = (v: unknown): v is Record<string, YamlValue | Comment | undefined> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Comment);
const scalar = (v: string | number | boolean | null): string => (typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : String(v));
const KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (k: string) => (KEY.test(k) ? k : JSON.stringify(k));

function flow(v: YamlValue): string | undefined {
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return `[${v.map((x) => scalar(x as string | number)).join(', ')}]`;
  if (isMap(v) && 'dist' in v && Object.values(v).every((x) => typeof x !== 'object' || x === null)) {
    return `{${Object.entries(v).map(([k, x]) => `${key(k)}: ${k === 'dist' ? String(x) : scalar(x as string | number)}`).join(', ')}}`;
  }
  return undefined;
}

/**
 * Emits `v` (a mapping at the top) as YAML lines at `indent` spaces.
 *
 * @example
 * emitYaml({ name: 'x', value: { dist: 'pert', min: 1, mode: 2, max: 3 } }).join('\n');
 * // name: "x"\nvalue: {dist: pert, min: 1, mode: 2, max: 3}
 */
export function emitYaml(v: YamlValue, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  if (isMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      if (x instanceof Comment) {
        out.push(...x.text.split('\n').map((l) => `${pad}# ${l}`.trimEnd()));
        continue;
      }
      const f = flow(x);
      if (f !== undefined) out.push(`${pad}${key(k)}: ${f}`);
      else if (isMap(x) || Array.isArray(x)) out.push(`${pad}${key(k)}:`, ...emitYaml(x, indent + 2));
      else out.push(`${pad}${key(k)}: ${scalar(x)}`);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) {
      const inner = isMap(x) || Array.isArray(x) ? emitYaml(x, indent + 2) : [`${pad}  ${scalar(x)}`];
      out.push(`${pad}- ${inner[0].trimStart()}`, ...inner.slice(1));
    }
  } else {
    out.push(`${pad}${scalar(v)}`);
  }
  return out;
}
