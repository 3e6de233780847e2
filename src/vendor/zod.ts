/**
 * The `zod` package, as the scenario and model schemas import it. In dist/ this module is replaced
 * by one bundled file (scripts/bundle-vendor.mjs): a process then reads one module instead of
 * about a hundred, which takes about half the time at start-up (every `simulate` run pays it).
 * Schemas from either copy work together (zod reads schemas through their `_zod` fields, not by
 * class), as under vitest, where the engine's source imports the package and the models come
 * from dist/.
 *
 * @example
 * import { z } from '../vendor/zod.js';
 * z.number().parse(1); // 1
 */
export { z } from 'zod';
