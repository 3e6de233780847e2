#!/usr/bin/env node
/**
 * Fits every catalogue prefecture with urban figures to its 2010 → 2020 census change and writes
 * seeds/data/prefecture_fits.csv (the reference class of src/calibration/reference-class.ts).
 *
 *   npm run calibrate:prefectures
 *
 * @module
 */
import { writePrefectureFits } from '../dist/src/calibration/prefecture-fits.js';

const { file, n, failed } = writePrefectureFits({ progress: (i, n) => process.stderr.write(`\r${i}/${n}`) });
process.stderr.write('\n');
console.log(`wrote ${file}: ${n} prefectures${failed.length ? `; not fitted: ${failed.join('; ')}` : ''}`);
