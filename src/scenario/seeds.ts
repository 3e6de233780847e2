/**
 * Seed entries → model quantities. A scenario names a plan figure by its seed id
 * (`targets: [{seed: heze.P001}]`, `baseline.urbanShare: {seed: heze.P004}`); this maps the
 * entry's indicator to a metric, converts its unit (percent → share, 万人 → persons, percentage
 * points per year → share points per year) and keeps its provenance.
 *
 * | indicator | metric | target kind | units |
 * |---|---|---|---|
 * | resident_urbanisation_rate | urbanShare | level | percent (÷100) |
 * | resident_population | total | level | 10k_persons (×10⁴), persons |
 * | urban_population | urban | level | 10k_persons (×10⁴), persons |
 * | urbanisation_gain_vs_province | urbanShare | gain (needs `reference:`) | pp_per_year (÷100) |
 * | citizenised_migrants | citizenised | flow over the window | 10k_persons, 10k_persons_per_year (× years in the window), persons, persons_per_year |
 * | hukou_urbanisation_rate | hukouShare | level | percent (÷100) |
 * | registered_population | registered | level | 10k_persons (×10⁴), persons |
 * | metro_area_urbanisation_rate | urbanShare (of the target's `region:`, a multi-region run) | level | percent (÷100) |
 *
 * @module
 */
import { seedsDir as defaultSeedsDir } from './paths.js';
import { findSeed, type SeedEntry } from './seed-file.js';
import type { TargetDefinition, TargetSource } from './target-types.js';

/** A seed that cannot be used where it is named; the caller locates the message. */
export class SeedError extends Error {}

export type { TargetSource } from './target-types.js';

/** A seed entry as a target, in the scenario's units. */
export interface SeedTarget extends Pick<TargetDefinition, 'label' | 'metric' | 'kind' | 'year' | 'window' | 'comparator' | 'value'> {
  /** The label in Chinese, e.g. 常住人口城镇化率，2025年. */
  labelZh: string;
  /** Set for `~`: 0.005 for shares, 0.0005 per year for gains, 1 % of the value for counts. */
  tolerance?: number;
  /** Gain targets are relative: the scenario must give a `reference:`. */
  needsReference: boolean;
  source: TargetSource;
}

interface Mapping {
  metric: string;
  kind: 'level' | 'flow' | 'gain';
  label: string;
  /** The label in Chinese (the plans' own words). */
  labelZh: string;
  /** Conversion factors by unit (for flows, `_per_year` units are multiplied by the window's years). */
  units: Record<string, number>;
  measure: 'share' | 'gain' | 'count';
}

const COUNT_UNITS = { '10k_persons': 1e4, persons: 1 };

/** The seed indicators a metric can express. */
export const INDICATOR_METRICS: Record<string, Mapping> = {
  resident_urbanisation_rate: { metric: 'urbanShare', kind: 'level', label: 'urbanisation rate', labelZh: '常住人口城镇化率', units: { percent: 0.01 }, measure: 'share' },
  resident_population: { metric: 'total', kind: 'level', label: 'resident population', labelZh: '常住人口', units: COUNT_UNITS, measure: 'count' },
  urban_population: { metric: 'urban', kind: 'level', label: 'urban population', labelZh: '城镇常住人口', units: COUNT_UNITS, measure: 'count' },
  urbanisation_gain_vs_province: {
    metric: 'urbanShare',
    kind: 'gain',
    label: 'urbanisation gain above the province',
    labelZh: '常住人口城镇化率年均提高幅度高于全省',
    units: { pp_per_year: 0.01, percentage_points_per_year: 0.01 },
    measure: 'gain',
  },
  citizenised_migrants: {
    metric: 'citizenised',
    kind: 'flow',
    label: 'migrants made urban citizens',
    labelZh: '农业转移人口市民化人数',
    units: { ...COUNT_UNITS, '10k_persons_per_year': 1e4, persons_per_year: 1 },
    measure: 'count',
  },
  hukou_urbanisation_rate: { metric: 'hukouShare', kind: 'level', label: 'hukou urbanisation rate', labelZh: '户籍人口城镇化率', units: { percent: 0.01 }, measure: 'share' },
  registered_population: { metric: 'registered', kind: 'level', label: 'registered population', labelZh: '户籍人口', units: COUNT_UNITS, measure: 'count' },
  // a part of the city: only on a region of a multi-region run (`region:` on the target)
  metro_area_urbanisation_rate: { metric: 'urbanShare', kind: 'level', label: 'metro-area urbanisation rate', labelZh: '都市区常住人口城镇化率', units: { percent: 0.01 }, measure: 'share' },
};

/** Why an indicator has no metric, where there is more to say than "none". */
const UNEXPRESSIBLE: Record<string, string> = {
  talent_inflow: 'talents settling (落户) arrive from outside with their hukou; no metric separates them from other citizenisations',
};

const expressible = Object.keys(INDICATOR_METRICS).join(', ');

function lookup(id: string, dir: string): SeedEntry & { cityRegion: string } {
  const found = findSeed(id, dir);
  if (found === undefined) throw new SeedError(`no seed entry ${id} (looked in ${dir}/${id.split('.')[0]}.yml)`);
  return { ...found.entry, cityRegion: found.seeds.region };
}

function mappingOf(e: SeedEntry & { cityRegion: string }, onRegion: boolean): Mapping {
  const m = INDICATOR_METRICS[e.indicator];
  if (m === undefined) {
    const why = UNEXPRESSIBLE[e.indicator] ?? `no metric expresses it; usable indicators are ${expressible}`;
    throw new SeedError(`seed ${e.id} states ${e.indicator} (${e.region}): ${why}`);
  }
  if (e.region !== e.cityRegion && !onRegion) {
    throw new SeedError(`seed ${e.id} is about ${e.region}, not the whole of ${e.cityRegion}; the model projects the whole city (a multi-region run can project it: region: on the target)`);
  }
  if (m.units[e.unit] === undefined) {
    throw new SeedError(`seed ${e.id} is in ${e.unit}; ${e.indicator} is understood in ${Object.keys(m.units).join(', ')}`);
  }
  return m;
}

const when = (e: SeedEntry) => (e.year !== undefined ? String(e.year) : `${e.years![0]}–${e.years![1]}`);

/**
 * A seed entry as a target: metric, kind, year or window, comparator, value in model units,
 * default tolerance for `~`, and provenance. Throws {@link SeedError} for a dangling id or an
 * indicator no metric expresses. A seed about a part of the city (its `region` differs from the
 * seed file's) resolves only `onRegion`: for a target that names a region of a multi-region run.
 *
 * @example
 * resolveSeedTarget('heze.P001');
 * // { metric: 'urbanShare', kind: 'level', year: 2025, comparator: '>=', value: 0.57, … }
 */
export function resolveSeedTarget(id: string, opts: { seedsDir?: string; onRegion?: boolean } = {}): SeedTarget {
  const e = lookup(id, opts.seedsDir ?? defaultSeedsDir);
  const m = mappingOf(e, opts.onRegion ?? false);
  let window: [number, number] | undefined;
  let year: number | undefined;
  if (m.kind === 'level') {
    if (e.year === undefined) throw new SeedError(`seed ${e.id} states a change over ${when(e)}, not a level in one year`);
    year = e.year;
  } else {
    window = e.years ?? [e.year!, e.year!];
  }
  const years = window === undefined ? 1 : window[1] - window[0] + 1;
  const value = Number((e.value * m.units[e.unit] * (e.unit.endsWith('_per_year') && m.kind === 'flow' ? years : 1)).toPrecision(12));
  const tolerance =
    e.comparator !== '~' ? undefined : m.measure === 'share' ? 0.005 : m.measure === 'gain' ? 0.0005 : Math.abs(value) * 0.01;
  return {
    label: `${m.label}, ${when(e)}`,
    labelZh: `${m.labelZh}，${when(e)}年`,
    metric: m.metric,
    kind: m.kind,
    ...(year !== undefined ? { year } : {}),
    ...(window !== undefined ? { window } : {}),
    comparator: e.comparator,
    value,
    ...(tolerance !== undefined ? { tolerance } : {}),
    needsReference: m.kind === 'gain',
    source: { seed: e.id, document: e.source.document, line: e.source.line, quote: e.source.quote },
  };
}

/** Baseline fields a seed can fill, and the indicator each needs. */
const BASELINE_INDICATORS = { population: 'resident_population', urbanShare: 'resident_urbanisation_rate' } as const;

/**
 * The value of a `baseline` or `history` seed for `baseline.population` or `baseline.urbanShare`
 * (converted: persons, share 0–1). The seed must state that indicator, for the whole city, in
 * the baseline year, as a value (`=` or `~`), not a bound.
 *
 * @example
 * resolveSeedValue('heze.P004', 'urbanShare', 2021); // 0.519
 */
export function resolveSeedValue(id: string, field: keyof typeof BASELINE_INDICATORS, baseYear: number, opts: { seedsDir?: string } = {}): number {
  const e = lookup(id, opts.seedsDir ?? defaultSeedsDir);
  const indicator = BASELINE_INDICATORS[field];
  if (e.indicator !== indicator) throw new SeedError(`seed ${e.id} states ${e.indicator}; baseline.${field} needs a ${indicator} seed`);
  if (e.kind !== 'baseline' && e.kind !== 'history') throw new SeedError(`seed ${e.id} is a ${e.kind}; baseline values come from baseline or history seeds`);
  const m = mappingOf(e, false);
  if (e.year !== baseYear) throw new SeedError(`seed ${e.id} is about ${when(e)}, but the baseline year is ${baseYear}`);
  if (e.comparator !== '=' && e.comparator !== '~') throw new SeedError(`seed ${e.id} is a bound (${e.comparator} ${e.value}), not a value`);
  return Number((e.value * m.units[e.unit]).toPrecision(12));
}
