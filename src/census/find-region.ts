/**
 * Finds a catalogue unit from what an analyst types: its code, its Chinese name with or without
 * the level (临沂市, 临沂), with its province in front (山东临沂, 江苏省泰州市), or its pinyin
 * (Linyi, "Taizhou, Jiangsu"). Unknown or ambiguous names are errors (exit code 2) that list the
 * closest units.
 *
 * @module
 */
import { relative } from 'node:path';
import { projectRoot } from '../scenario/paths.js';
import type { Catalogue, CensusUnit } from './catalogue.js';
import { editDistance, hasHan, nameStem, normalisePinyin } from './names.js';
import { UserError } from '../util/user-error.js';

/** No unit, or more than one, matches a region name (exit code 2). */
export class RegionLookupError extends UserError {
  constructor(
    message: string,
    /** The units offered instead (closest first). */
    readonly candidates: CensusUnit[],
    /** Why: no such name, a name matching several units, an empty name or an unknown code. */
    readonly reason: 'unknown' | 'ambiguous' | 'empty' | 'code' = 'unknown',
  ) {
    super(message);
  }
}

const label = (u: CensusUnit): string => `${u.name} (${u.pinyin}, ${u.province}, ${u.code})`;

/** Province stems and pinyin, derived from the units. */
function provinces(cat: Catalogue): { stem: string; name: string; pinyin: string }[] {
  const seen = new Map<string, { stem: string; name: string; pinyin: string }>();
  for (const u of cat.units) if (!seen.has(u.province)) seen.set(u.province, { stem: nameStem(u.province), name: u.province, pinyin: normalisePinyin(u.provincePinyin) });
  return [...seen.values()];
}

/** Splits an optional province qualifier off the query: `山东临沂`, `Taizhou, Jiangsu`, `jiangsu taizhou`. */
function qualifier(cat: Catalogue, q: string): { rest: string; province?: string }[] {
  const out: { rest: string; province?: string }[] = [{ rest: q }];
  for (const p of provinces(cat)) {
    if (hasHan(q)) {
      for (const pre of [p.name, p.stem]) if (q.startsWith(pre) && q.length > pre.length) out.push({ rest: q.slice(pre.length), province: p.name });
    } else {
      const parts = q.split(/[\s,，()（）]+/).filter(Boolean);
      if (parts.length >= 2) {
        const first = normalisePinyin(parts[0]), last = normalisePinyin(parts[parts.length - 1]);
        if (last === p.pinyin || last === `${p.pinyin}sheng`) out.push({ rest: parts.slice(0, -1).join(' '), province: p.name });
        if (first === p.pinyin) out.push({ rest: parts.slice(1).join(' '), province: p.name });
      }
    }
  }
  return out;
}

function matches(u: CensusUnit, rest: string): boolean {
  // A Chinese name matches in full (临沂市) or as a bare stem (临沂); a wrong level (临沂县) does not.
  if (hasHan(rest)) return u.name === rest || (nameStem(rest) === rest && nameStem(u.name) === rest);
  return normalisePinyin(u.pinyin) === normalisePinyin(rest);
}

/**
 * The closest units to a query that matched none (up to `n`).
 *
 * @example
 * closeMatches(loadCatalogue(), '临沂县').map((u) => u.name); // ['临沂市', …]
 */
export function closeMatches(cat: Catalogue, query: string, n = 5): CensusUnit[] {
  const han = hasHan(query);
  const q = han ? nameStem(query) : normalisePinyin(query);
  const scored = cat.units.map((u) => {
    const key = han ? nameStem(u.name) : normalisePinyin(u.pinyin);
    let d = editDistance(q, key);
    if (key.includes(q) || q.includes(key)) d = Math.min(d, Math.abs(key.length - q.length) * 0.5);
    return { u, d: d / Math.max(1, Math.max([...q].length, [...key].length)) };
  });
  return scored
    .filter((s) => s.d <= 0.5)
    .sort((a, b) => a.d - b.d || a.u.code.localeCompare(b.u.code))
    .slice(0, n)
    .map((s) => s.u);
}

/**
 * The unit a query names.
 *
 * @throws {RegionLookupError} when no unit or more than one matches.
 * @example
 * findRegion(loadCatalogue(), 'Linyi').name; // '临沂市'
 * findRegion(loadCatalogue(), 'Taizhou'); // throws: ambiguous, 泰州市 (江苏省) or 台州市 (浙江省)
 */
export function findRegion(cat: Catalogue, query: string): CensusUnit {
  const q = query.trim();
  if (q === '') throw new RegionLookupError('the region name is empty; give a prefecture as 临沂市, 临沂, Linyi or its code 371300', [], 'empty');
  if (/^\d{6}$/.test(q)) {
    const u = cat.byCode(q);
    if (u !== undefined) return u;
    throw new RegionLookupError(`no unit has the code ${q} in the census catalogue (${relative(projectRoot, cat.file)})`, [], 'code');
  }
  const found = new Map<string, CensusUnit>();
  for (const { rest, province } of qualifier(cat, q)) {
    for (const u of cat.units) if ((province === undefined || u.province === province) && matches(u, rest)) found.set(u.code, u);
  }
  const hits = [...found.values()];
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) {
    const how = hits.map((u) => (hasHan(q) ? `${nameStem(u.province)}${u.name}` : `"${u.pinyin}, ${u.provincePinyin}"`)).join(' or ');
    throw new RegionLookupError(`"${q}" is ambiguous: ${hits.map(label).join('; ')}. Name the province too (${how}) or give the code`, hits, 'ambiguous');
  }
  const near = closeMatches(cat, q);
  const hint = near.length > 0 ? `; closest: ${near.map(label).join('; ')}` : '';
  throw new RegionLookupError(`no prefecture-level unit called "${q}" in the census catalogue (${relative(projectRoot, cat.file)})${hint}`, near);
}
