/**
 * Calibrated likelihood language of the IPCC (Mastrandrea et al. 2010, the AR5 guidance note on
 * consistent treatment of uncertainties): the most specific band that contains a probability.
 *
 * @module
 */

/** The verdicts, from most to least likely. */
export type Verdict =
  | 'virtually certain'
  | 'very likely'
  | 'likely'
  | 'about as likely as not'
  | 'unlikely'
  | 'very unlikely'
  | 'exceptionally unlikely';

/**
 * The most specific IPCC band for probability `p`: ≥ 99 % virtually certain, ≥ 90 % very likely,
 * ≥ 66 % likely, ≤ 1 % exceptionally unlikely, ≤ 10 % very unlikely, ≤ 33 % unlikely, otherwise
 * (33 % < p < 66 %) about as likely as not.
 *
 * @example
 * verdict(0.93); // 'very likely'
 * verdict(0.5); // 'about as likely as not'
 */
export function verdict(p: number): Verdict {
  if (p >= 0.99) return 'virtually certain';
  if (p >= 0.9) return 'very likely';
  if (p >= 0.66) return 'likely';
  if (p <= 0.01) return 'exceptionally unlikely';
  if (p <= 0.1) return 'very unlikely';
  if (p <= 0.33) return 'unlikely';
  return 'about as likely as not';
}
