/**
 * A census unit as `simulate init` needs it: names, and the 2010 and 2020 censuses as calibration
 * points (population, urban share, pyramid or age bands, each citing its data file and row).
 *
 * @module
 */
import type { CensusPoint } from '../calibration/types.js';

/** A region to initialise a scenario for. */
export interface InitRegion {
  /** The census code (2020 boundaries). */
  code: string;
  /** Chinese name, e.g. 临沂市. */
  name: string;
  province: string;
  /** e.g. Linyi. */
  pinyin: string;
  /** The 2010 census (on 2020 boundaries). */
  start: CensusPoint;
  /** The 2020 census: the scenario's baseline. */
  end: CensusPoint;
  /** What a reader should know about the figures (e.g. how merged units were summed). */
  notes: string[];
}
