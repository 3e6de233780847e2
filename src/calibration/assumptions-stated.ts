/**
 * The calibration's stated assumptions: figures none of the data tables give, each with its reason.
 * They are part of every calibration's `fit` and are cited by the `why:` texts it writes.
 *
 * @module
 */

/** One stated assumption. */
export interface Stated<T> {
  value: T;
  why: string;
}

/**
 * The assumptions of the fit (see models/cohort/README.md, "Calibration").
 *
 * @example
 * STATED.reclassificationPerRho.value; // 0.25
 */
export const STATED = {
  reclassificationPerRho: {
    value: 0.25,
    why:
      'assumption: c = ρ/4, i.e. reclassification moves a fifth of the internal rural→urban transfer. NBS counts residents as urban by where they ' +
      "live (统计上划分城乡的规定: residents' committees and villages joined to the built-up area), so villages absorbed by towns (村改居, 乡改镇) " +
      'turn urban in place; the census change identifies only the sum of migration and reclassification, not the split.',
  },
  ruralUrbanTfrRatio: {
    value: 1.25,
    why:
      'assumption: rural TFR 25% above urban. That rural fertility is higher is well established; its size for these regions is not in seeds/data. ' +
      'The two factors are normalised so that their population-weighted mean at the national 2020 census urban share is 1.',
  },
  urbanToRural: { value: 0, why: 'assumption: ρ is a net rate; the census does not separate gross flows both ways, so returns are folded into ρ.' },
  externalSameRateBothAreas: {
    value: true,
    why: 'assumption: net external migration at the same rate in both areas (it does not move the urban share by itself); the census total does not say which area gains or loses.',
  },
  e0: { value: 'WPP national by sex, both areas', why: 'e0 by region and by area is not in seeds/data.' },
  post2020Fertility: {
    value: 'φ_post = (1 + φ)/2',
    why:
      "assumption: after 2020 the region's excess (or deficit) fertility relative to the nation is halved. The 2011–2020 φ is fitted to the census child " +
      "share, which also rises where out-migrating parents leave children behind, so it overstates fertility in out-migration cities; and Shandong's " +
      "own births (shandong_urbanisation.csv notes 2019, 2022, 2023) run 9% above the φ-path in 2019 but within 2% of it in 2022–2023.",
  },
} as const;
