/**
 * The hukou block's parameters, appended after the cohort model's twelve (index order is the
 * runner's: see {@link HP}).
 *
 * @module
 */
import type { ParamDecl } from '../../../src/params/compile.js';
import type { HukouAssumptions } from './schema.js';

/** Offsets of the hukou parameters after the cohort model's own. */
export const HP = { registered: 0, hukouShare: 1, nonLocal: 2, conversion: 3, gain: 4, arrivalsNonLocal: 5, outsideChange: 6 } as const;

/**
 * The parameter declarations of a `hukou:` block.
 *
 * @example
 * hukouParams(A.hukou).map((p) => p.key); // ['hukou.baseline.registered', …]
 */
export function hukouParams(A: HukouAssumptions): ParamDecl[] {
  const conv = A.conversion;
  return [
    { key: 'hukou.baseline.registered', label: 'registered population at the baseline', unit: 'persons', domain: [0, Infinity], spec: A.baseline.registered },
    { key: 'hukou.baseline.hukouShare', label: 'hukou urbanisation rate at the baseline', unit: 'share', domain: [0, 1], spec: A.baseline.hukouShare },
    { key: 'hukou.baseline.nonLocal', label: 'residents registered elsewhere at the baseline', unit: 'persons', domain: [0, Infinity], spec: A.baseline.nonLocal },
    'rate' in conv
      ? { key: 'hukou.conversion.rate', label: 'citizenisation rate of urban migrants', unit: 'per year', domain: [0, 1], spec: conv.rate }
      : { key: 'hukou.conversion.count', label: 'migrants granted urban hukou', unit: 'persons/yr', domain: [0, Infinity], spec: conv.count },
    { key: 'hukou.reclassifiedGain', label: 'urban hukou on reclassification', unit: 'probability', domain: [0, 1], spec: A.reclassifiedGain },
    { key: 'hukou.arrivalsNonLocal', label: 'share of net arrivals registered elsewhere', unit: 'share', domain: [0, 1], spec: A.arrivalsNonLocal ?? 1 },
    { key: 'hukou.outsideChange', label: 'change of the registered population living outside', unit: 'per year', domain: [-1, 1], spec: A.outsideChange ?? 0 },
  ];
}
