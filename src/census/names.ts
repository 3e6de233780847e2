/**
 * Names of administrative units: the stem without the level (市, 地区, 盟, 自治州 and the peoples
 * named before it) and a normalised pinyin, for looking a unit up by any common spelling.
 *
 * @module
 */

/** Peoples named in prefecture-level autonomous units' names (自治州, 自治县). */
const PEOPLES = ['朝鲜', '土家', '苗', '侗', '布依', '彝', '藏', '羌', '傣', '景颇', '白', '傈僳', '哈尼', '壮', '回', '蒙古', '哈萨克', '柯尔克孜', '黎', '维吾尔'];

/**
 * The stem of a unit's Chinese name.
 *
 * @example
 * nameStem('临沂市'); // '临沂'
 * nameStem('黔东南苗族侗族自治州'); // '黔东南'
 * nameStem('新疆维吾尔自治区'); // '新疆'
 */
export function nameStem(name: string): string {
  let s = name.trim().replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|林区|盟|省|市|县)$/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of PEOPLES) {
      if (s.endsWith(`${p}族`) && s.length > p.length + 1) {
        s = s.slice(0, -(p.length + 1));
        changed = true;
      }
    }
  }
  return s;
}

/**
 * A pinyin spelling reduced to lower-case letters (no spaces, apostrophes, hyphens or tone
 * marks), and without a trailing level word (shi, city, prefecture, province, sheng, diqu, …).
 *
 * @example
 * normalisePinyin("Lu'an Shi"); // 'luan'
 * normalisePinyin('Líny​í'); // 'linyi'
 */
export function normalisePinyin(s: string): string {
  const t = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .trim()
    .replace(/\s+(shi|city|prefecture|diqu|meng|zizhizhou|autonomous prefecture|league|province|sheng)$/, '');
  return t.replace(/[^a-z]/g, '');
}

/**
 * Levenshtein edit distance (by code point).
 *
 * @example
 * editDistance('linyi', 'liny'); // 1
 */
export function editDistance(a: string, b: string): number {
  const x = [...a], y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/**
 * Whether a query is written in Chinese characters (else it is read as pinyin or a code).
 *
 * @example
 * hasHan('临沂'); // true
 * hasHan('Linyi'); // false
 */
export function hasHan(s: string): boolean {
  return /\p{Script=Han}/u.test(s);
}
