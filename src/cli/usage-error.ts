/**
 * A mistake on the command line.
 *
 * @module
 */
import { UserError } from '../util/user-error.js';

/**
 * A mistake on the command line (exit code 2; the CLI adds "Run simulate --help for usage.").
 *
 * @example
 * throw new UsageError('--replay-draw prints on stdout; drop --out');
 */
export class UsageError extends UserError {}
