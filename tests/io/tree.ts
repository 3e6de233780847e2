import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every entry under `dir`, hidden ones too, relative to it: a file's contents, or `<dir>`. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = join(e.parentPath, e.name);
    out[p.slice(dir.length + 1)] = e.isFile() ? readFileSync(p, 'utf8') : '<dir>';
  }
  return out;
}
