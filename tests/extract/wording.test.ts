import { describe, expect, it } from 'vitest';
import { comparatorOf, halfWidth, headerYear, parseCell } from '../../src/extract/wording.js';

describe('comparatorOf', () => {
  it.each([
    ['城镇化率达到', '', '>='],
    ['城镇化率达到', '以上', '>='],
    ['城镇化率达到', '左右', '~'],
    ['镇区常住人口超过', '', '>'],
    ['城镇化率高于', '', '>'],
    ['涉及全市近', '', '~'],
    ['人口控制在', '', '<='],
    ['增速超过全省平均水平', '以上', '>='],
    ['人口', '以下', '<='],
    ['争取年均', '', '='],
  ])('%s … %s → %s', (before, after, expected) => {
    expect(comparatorOf(before, after)).toBe(expected);
  });
});

describe('parseCell', () => {
  it('reads plain, signed and bracketed cells', () => {
    expect(parseCell('51.9')).toEqual({ comparator: '=', value: 51.9, cumulative: false });
    expect(parseCell('>78.5')).toEqual({ comparator: '>', value: 78.5, cumulative: false });
    expect(parseCell('≥55')).toEqual({ comparator: '>=', value: 55, cumulative: false });
    expect(parseCell('＜5.5')).toEqual({ comparator: '<', value: 5.5, cumulative: false });
    expect(parseCell('[7]')).toEqual({ comparator: '=', value: 7, cumulative: true });
    expect(parseCell('６０')).toEqual({ comparator: '=', value: 60, cumulative: false });
  });

  it('has no number in a dash, a slash or words', () => {
    for (const c of ['—', '-', '/', '', '常住人口城镇化率', '2.61:1']) expect(parseCell(c)).toBeUndefined();
  });
});

describe('headerYear and halfWidth', () => {
  it('reads header years in their usual spellings', () => {
    expect(['2021年', '2025 年', '２０３５年', '2020年末', '2025'].map(headerYear)).toEqual([2021, 2025, 2035, 2020, 2025]);
    expect(headerYear('单位')).toBeUndefined();
    expect(headerYear('1号')).toBeUndefined();
  });

  it('keeps positions when it folds full-width digits', () => {
    const s = '达到６０．５％左右';
    expect(halfWidth(s)).toBe('达到60.5%左右');
    expect(halfWidth(s).length).toBe(s.length);
  });
});
