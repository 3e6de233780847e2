/**
 * The seed files `seeds/<city>.yml` (format: seeds/FORMAT.md): every figure of the plans with its
 * provenance. Read with positions and validated; a malformed seed file is an input error located
 * in that file.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '../vendor/zod.js';
import { ComparatorSchema, SeedIdSchema } from './schema.js';
import { throwAll } from './errors.js';
import { locateIn, type Located } from './located.js';
import { readYamlFile } from './yaml-source.js';
import { explainZod } from './zod-issues.js';

const year = z.number().int().min(1900).max(2300);

/** One seed entry. */
export const SeedEntrySchema = z
  .strictObject({
    id: SeedIdSchema,
    indicator: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a snake_case indicator from the vocabulary in seeds/FORMAT.md'),
    region: z.string().min(1),
    year: year.optional(),
    years: z.tuple([year, year]).optional(),
    value: z.number().refine(Number.isFinite, { message: 'must be a finite number' }),
    unit: z.string().min(1),
    kind: z.enum(['baseline', 'target_level', 'target_flow', 'relative_target', 'history']),
    comparator: ComparatorSchema,
    source: z.strictObject({
      document: z.string().min(1),
      line: z.number().int().min(1),
      quote: z.string().min(1),
    }),
    conflict: SeedIdSchema.optional(),
    note: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    if ((e.year === undefined) === (e.years === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of year and years', path: ['year'] });
    } else if (e.years !== undefined && e.years[0] > e.years[1]) {
      ctx.addIssue({ code: 'custom', message: 'years must be [first, last]', path: ['years'] });
    }
  });

/** A city's seed file. */
export const SeedFileSchema = z
  .strictObject({
    city: z.string().regex(/^[a-z]+$/, 'the file stem, lower case'),
    name: z.string().min(1),
    documents: z.array(z.string().min(1)).min(1),
    entries: z.array(SeedEntrySchema),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.entries.forEach((e, i) => {
      if (!e.id.startsWith(`${f.city}.`)) ctx.addIssue({ code: 'custom', message: `ids in this file start with "${f.city}."`, path: ['entries', i, 'id'] });
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${e.id}`, path: ['entries', i, 'id'] });
      seen.add(e.id);
      if (!f.documents.includes(e.source.document)) {
        ctx.addIssue({ code: 'custom', message: `document not listed under documents: (${f.documents.join(', ')})`, path: ['entries', i, 'source', 'document'] });
      }
    });
  });

export type SeedEntry = z.output<typeof SeedEntrySchema>;
export type SeedFile = z.output<typeof SeedFileSchema>;

/** A validated seed file with positions. */
export interface LoadedSeedFile {
  file: string;
  data: SeedFile;
  doc: Located;
  /** The city's own region name: the first word of `name` (`菏泽市 Heze` → `菏泽市`). */
  region: string;
}

const cache = new Map<string, LoadedSeedFile>();

/**
 * Reads and validates one seed file (cached per process).
 *
 * @example
 * const heze = loadSeedFile('/abs/seeds/heze.yml');
 * heze.data.entries.length;
 */
export function loadSeedFile(file: string): LoadedSeedFile {
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  const doc = readYamlFile(file);
  throwAll(explainZod(SeedFileSchema, doc.value, [], (path, opts) => locateIn(doc.loc, path, opts)));
  const data = SeedFileSchema.parse(doc.value);
  const loaded = { file, data, doc, region: data.name.split(/\s+/)[0] };
  cache.set(file, loaded);
  return loaded;
}

/**
 * Finds a seed entry by id (`heze.P004` → `seeds/heze.yml`), or undefined when there is none.
 *
 * @example
 * findSeed('heze.P004', seedsDir)?.entry.value; // 51.9
 */
export function findSeed(id: string, dir: string): { entry: SeedEntry; seeds: LoadedSeedFile } | undefined {
  const file = join(dir, `${id.split('.')[0]}.yml`);
  if (!existsSync(file)) return undefined;
  const seeds = loadSeedFile(file);
  const entry = seeds.data.entries.find((e) => e.id === id);
  return entry === undefined ? undefined : { entry, seeds };
}
