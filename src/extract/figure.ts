/**
 * What the extractor finds: one figure of a plan, in the shape of a seed entry (seeds/FORMAT.md)
 * without its id, plus where it was found (text or table) for conflict marking and evaluation.
 *
 * @module
 */
import type { Comparator } from '../scenario/schema.js';

/** The kinds of seeds/FORMAT.md. */
export type FigureKind = 'baseline' | 'target_level' | 'target_flow' | 'relative_target' | 'history';

/** One figure found in a plan. */
export interface Figure {
  indicator: string;
  region: string;
  /** One year, or a window `[first, last]` for a flow or a gain. */
  year?: number;
  years?: [number, number];
  value: number;
  unit: string;
  kind: FigureKind;
  comparator: Comparator;
  source: { document: string; line: number; quote: string };
  /** `text` (a sentence) or `table` (a cell of an indicator table, 专栏). */
  from: 'text' | 'table';
  note: string;
}

/** The last year a figure is about (its year, or the end of its window). */
export const endYear = (f: Pick<Figure, 'year' | 'years'>): number => f.year ?? f.years![1];
