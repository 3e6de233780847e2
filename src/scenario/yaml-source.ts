/**
 * Reads YAML keeping positions: the plain data plus a {@link LocNode} tree. Syntax errors
 * (bad indentation, tabs, duplicate keys, unclosed brackets …) become located input errors.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from '../vendor/yaml.js';
import { InputError, throwAll, type Location } from './errors.js';
import type { Located, LocNode } from './located.js';
import { cachedYamlValue } from './yaml-cache.js';

function positionsOf(node: unknown, file: string, lc: LineCounter, fallback: Location): LocNode {
  const at = (offset: number): Location => {
    const { line, col } = lc.linePos(offset);
    return { file, line, column: col };
  };
  const n = node as Node | null;
  if (n === null || n === undefined || n.range === undefined || n.range === null) return { at: fallback };
  const loc: LocNode = { at: at(n.range[0]) };
  if (isMap(n)) {
    loc.children = new Map();
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keyAt = keyNode?.range ? at(keyNode.range[0]) : loc.at;
      const k = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      // An empty value (`key:`) has no text of its own: point at its key.
      const v = pair.value as Node | null;
      const empty = v === null || (isScalar(v) && v.value === null && (v.source ?? '') === '');
      const child = empty ? { at: keyAt } : positionsOf(v, file, lc, keyAt);
      child.key = keyAt;
      loc.children.set(k, child);
    }
  } else if (isSeq(n)) {
    loc.children = new Map(n.items.map((item, i) => [String(i), positionsOf(item, file, lc, loc.at)]));
  } else if (isAlias(n)) {
    // The alias itself is the position; its target's fields are located at the alias.
  }
  return loc;
}

/** The first line of a `yaml` error message, without its "at line L, column C:" tail. */
function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parses YAML text. `file` is used for locations only.
 *
 * @example
 * const doc = parseYamlText('a: 1\n', '/abs/x.yml');
 * doc.value; // { a: 1 }
 */
export function parseYamlText(text: string, file: string): Located {
  const lc = new LineCounter();
  // warnings (an unknown tag, an ambiguous alias) are errors too: never a stray Node warning on stderr
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true, logLevel: 'silent' });
  throwAll(
    [...doc.errors, ...doc.warnings].map((e) => {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      return new InputError({ file, line: pos.line, column: pos.col, path: '', detail: `YAML syntax: ${yamlMessage(e.message)}` });
    }),
  );
  const start: Location = { file, line: 1, column: 1 };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new InputError({ ...start, path: '', detail: `YAML: ${(e as Error).message}` });
  }
  return { value, loc: positionsOf(doc.contents, file, lc, start) };
}

/**
 * Reads and parses a YAML file; a missing or unreadable file is an input error located at `from`
 * (the line that named the file) when given. One of the project's own files comes from the parse
 * cache (yaml-cache.ts), its positions parsed only when asked for.
 *
 * @example
 * const doc = readYamlFile('/abs/scenarios/heze.yml');
 */
export function readYamlFile(file: string, from?: { at: Location; path: string; what: string }): Located {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    if (from !== undefined) throw new InputError({ ...from.at, path: from.path, detail: `cannot read ${from.what} ${file}: ${reason}` });
    throw new InputError({ file, line: 0, column: 0, path: '', detail: `cannot read the file: ${reason}` });
  }
  const value = cachedYamlValue(text);
  return value === undefined ? parseYamlText(text, file) : lazyPositions(value, text, file);
}

/**
 * A cached document (yaml-cache.ts): its value now, its positions from parsing `text` when first
 * asked for.
 */
function lazyPositions(value: unknown, text: string, file: string): Located {
  let loc: LocNode | undefined;
  return {
    value,
    get loc() {
      return (loc ??= parseYamlText(text, file).loc);
    },
  };
}
