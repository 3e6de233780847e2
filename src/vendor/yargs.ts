/**
 * The `yargs` package, as the CLI imports it. In dist/ this module is replaced by one bundled
 * file (scripts/bundle-vendor.mjs): a process then reads one module instead of about twenty,
 * which takes about half the time at start-up (every `simulate` run pays it).
 *
 * @example
 * import yargs from '../vendor/yargs.js';
 * yargs(['--scenario', 'x.yml']).parseSync();
 */
export { default } from 'yargs';
