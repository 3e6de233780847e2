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
import { z } from 'zod';

// No generated validators: zod compiles each object schema into a function (`new Function`) the
// first time it parses with it, which pays off only over many parses; a run validates a few
// documents once (loading heze.yml's chain: 45 → 26 ms). Validation is the same either way.
z.config({ jitless: true });

export { z };
