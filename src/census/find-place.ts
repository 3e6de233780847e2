/**
 * What `simulate init --region` names: a province (河南省, 河南, Henan, 41 or 410000) or a
 * prefecture-level unit ({@link findRegion}). A province with a single catalogue unit (北京, 天津,
 * 上海, 重庆) is that unit. A bare name that is both a province and a prefecture (吉林 / Jilin:
 * 吉林省 and 吉林市; 海南 / Hainan: 海南省 and 海南藏族自治州 in Qinghai) is ambiguous: the error
 * says how to name each. Unknown names are errors (exit code 2) listing the closest provinces and units.
 *
 * @module
 */
import type { Catalogue, CensusUnit } from './catalogue.js';
import { closeMatches, findRegion, RegionLookupError } from './find-region.js';
import { editDistance, hasHan, normalisePinyin } from './names.js';
import type { Province } from './provinces.js';

/** A unit or a province. */
export type Place = { kind: 'unit'; unit: CensusUnit } | { kind: 'province'; province: Province };


/** The province a query names, if any: full name, stem, pinyin (with or without sheng/province), or code. */
function provinceOf(provinces: Province[], q: string): Province | undefined {
  if (/^\d{2}$/.test(q)) return provinces.find((p) => p.code === `${q}0000`);
  if (/^\d{6}$/.test(q)) return provinces.find((p) => p.code === q);
  if (hasHan(q)) return provinces.find((p) => p.name === q || p.stem === q);
  const n = normalisePinyin(q);
  return provinces.find((p) => normalisePinyin(p.pinyin) === n);
}

/** Whether a pinyin query says it is a province (`Jilin sheng`, `Hainan Province`). */
const saysProvince = (q: string): boolean => !hasHan(q) && /\s(sheng|province)$/i.test(q.trim());

const provinceLabel = (p: Province) => `the province ${p.name} (${p.pinyin}, ${p.code.slice(0, 2)})`;

/**
 * Resolves `--region`.
 *
 * @throws {RegionLookupError} when nothing, or more than one thing, matches.
 * @example
 * findPlace(cat, provinces, 'Henan'); // { kind: 'province', province: { name: '河南省', units: [18 units] } }
 * findPlace(cat, provinces, '临沂'); // { kind: 'unit', unit: { name: '临沂市', … } }
 */
export function findPlace(cat: Catalogue, provinces: Province[], query: string): Place {
  const q = query.trim();
  const province = provinceOf(provinces, q);
  let unit: CensusUnit | undefined;
  let lookup: RegionLookupError | undefined;
  if (province === undefined || !saysProvince(q)) {
    try {
      unit = findRegion(cat, q);
    } catch (e) {
      if (!(e instanceof RegionLookupError)) throw e;
      lookup = e;
    }
  }
  if (province !== undefined) {
    if (province.units.length === 1) return { kind: 'unit', unit: province.units[0] };
    if (unit === undefined || unit.code === province.code) return { kind: 'province', province };
    const [pName, uName] = hasHan(q) ? [province.name, unit.name] : [`"${province.pinyin} sheng"`, `"${unit.pinyin}, ${unit.provincePinyin}"`];
    throw new RegionLookupError(
      `"${q}" names both ${provinceLabel(province)} and the prefecture ${unit.name} (${unit.pinyin}, ${unit.province}, ${unit.code}): give ${pName} or ${province.code.slice(0, 2)} for the province, ${uName} or ${unit.code} for the prefecture`,
      [unit],
      'ambiguous',
    );
  }
  if (unit !== undefined) return { kind: 'unit', unit };
  if (lookup!.reason !== 'unknown') throw lookup!; // empty, ambiguous, an unknown code
  // Nothing matched: the closest provinces, then the closest units.
  const han = hasHan(q);
  const key = (p: Province) => (han ? p.stem : normalisePinyin(p.pinyin));
  const qk = han ? q.replace(/(省|自治区|市)$/, '') : normalisePinyin(q);
  const near = provinces
    .map((p) => ({ p, d: editDistance(qk, key(p)) / Math.max(1, [...qk].length, [...key(p)].length) }))
    .filter((x) => x.d <= 0.5)
    .sort((a, b) => a.d - b.d || a.p.code.localeCompare(b.p.code))
    .slice(0, 3)
    .map((x) => x.p);
  if (near.length === 0) throw lookup!; // findRegion's message: the closest units
  const units = closeMatches(cat, q);
  const hint = [...near.map(provinceLabel), ...units.map((u) => `${u.name} (${u.pinyin}, ${u.province}, ${u.code})`)];
  throw new RegionLookupError(
    `no province or prefecture-level unit called "${q}" in the census tables (seeds/data/census_provinces.csv, census_prefectures.csv)${hint.length > 0 ? `; closest: ${hint.join('; ')}` : ''}`,
    units,
  );
}
