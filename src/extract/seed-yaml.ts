/**
 * Extracted figures as a seed file (seeds/FORMAT.md), written by hand rather than by a YAML
 * library so that it reads like the hand-made ones: one block per entry, keys in the documented
 * order, quotes as double-quoted strings (tabs as \t).
 *
 * @module
 */
import type { ExtractedEntry } from './extract.js';

const str = (s: string) => JSON.stringify(s);

/**
 * The YAML text of a seed file.
 *
 * @example
 * seedYaml({ city: 'linyi', name: '临沂市 Linyi', document: 'plan.txt', entries, generatedBy: 'simulate extract plan.txt' });
 */
export function seedYaml(o: { city: string; name: string; document: string; entries: ExtractedEntry[]; header: string[] }): string {
  const out: string[] = [...o.header.map((h) => `# ${h}`), `city: ${o.city}`, `name: ${str(o.name)}`, 'documents:', `  - ${str(o.document)}`, 'entries:'];
  if (o.entries.length === 0) out[out.length - 1] = 'entries: []';
  for (const e of o.entries) {
    out.push(
      `  - id: ${e.id}`,
      `    indicator: ${e.indicator}`,
      `    region: ${str(e.region)}`,
      e.year !== undefined ? `    year: ${e.year}` : `    years: [${e.years![0]}, ${e.years![1]}]`,
      `    value: ${e.value}`,
      `    unit: ${e.unit}`,
      `    kind: ${e.kind}`,
      `    comparator: ${str(e.comparator)}`,
      '    source:',
      `      document: ${str(e.source.document)}`,
      `      line: ${e.source.line}`,
      `      quote: ${str(e.source.quote)}`,
      ...(e.conflict !== undefined ? [`    conflict: ${e.conflict}`] : []),
      `    note: ${str(`${e.from === 'table' ? '' : ''}${e.note}`.trim() || (e.from === 'table' ? 'Indicator table cell.' : 'Text.'))}`,
    );
  }
  return `${out.join('\n')}\n`;
}
