/**
 * The `yaml` package, as the rest of the code imports it. In dist/ this module is replaced by one
 * bundled file (scripts/bundle-vendor.mjs): a process then reads one module instead of about
 * sixty, which takes a third of the time at start-up (every `simulate` run pays it). Node classes
 * are recognised by `Symbol.for` tags, so values from either copy are the same to both. The names
 * are listed (the package is CommonJS: a bundle cannot re-export `*` from it).
 *
 * @example
 * import { parse } from '../vendor/yaml.js';
 * parse('a: 1'); // { a: 1 }
 */
export { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parse, parseDocument, Scalar, stringify, visit, YAMLMap, YAMLSeq } from 'yaml';
export type { Document, Node } from 'yaml';
