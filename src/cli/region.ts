/**
 * The region a command is about, from what the user typed. Until the census catalogue is in
 * (src/census/findRegion), the name is taken as written and has no pinyin.
 *
 * @module
 */

/** A region as commands need it: its Chinese name and, when known, its pinyin. */
export interface RegionName {
  name: string;
  pinyin?: string;
}

/**
 * Resolves a region name.
 *
 * @example
 * lookupRegion('临沂市'); // { name: '临沂市' }
 */
export function lookupRegion(query: string): RegionName {
  return { name: query.trim() };
}
