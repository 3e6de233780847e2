/**
 * The provenance rule of tests/scenarios/provenance.test.ts for generated scenarios: every number
 * under baseline, assumptions, sampling, targets and history needs a why:, seed: or source: on an
 * enclosing mapping (the section's own why covers its direct numbers).
 */
type Node = unknown;
const isMap = (v: Node): v is Record<string, Node> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sourced = (m: Record<string, Node>) => ['why', 'seed', 'source'].some((k) => typeof m[k] === 'string' && m[k].trim() !== '');

/** Paths of numbers without a source. */
export function unsourcedNumbers(doc: Node): string[] {
  const found: string[] = [];
  const walk = (node: Node, path: string[], covered: boolean) => {
    if (typeof node === 'number') {
      if (!covered) found.push(path.join('.'));
    } else if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, String(i)], covered));
    else if (isMap(node)) for (const [k, v] of Object.entries(node)) walk(v, [...path, k], covered || sourced(node));
  };
  if (!isMap(doc)) return found;
  for (const section of ['baseline', 'assumptions', 'sampling', 'targets', 'history']) {
    const root = doc[section];
    if (isMap(root)) for (const [k, v] of Object.entries(root)) walk(v, [section, k], sourced(root) && typeof v === 'number');
    else if (root !== undefined) walk(root, [section], false);
  }
  return found;
}
