/**
 * The `simulate` command line (bin/simulate.js calls {@link main}). Exit codes: 0 done,
 * 1 internal error, 2 bad input or bad usage (one or two lines naming file, line, column and
 * field; never a stack trace), 3 the output could not be written (one line naming the file and the
 * cause, e.g. a full disk; nothing half-written is left: `src/io/`), 130 / 143 a run stopped by
 * SIGINT / SIGTERM (nothing written).
 *
 * @module
 */
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { parseArgs, UsageError } from './args.js';
import { processIO, type CliIO } from './io.js';
import { reportError } from './report-error.js';
import { runCommand } from './run-command.js';
import { validateCommand } from './validate-command.js';

/**
 * Runs the CLI with `argv` (without `node` and the script name) and returns the exit code. Never
 * calls `process.exit`, so tests can call it in-process with their own `io`.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  try {
    const cmd = await parseArgs(argv);
    switch (cmd.kind) {
      case 'output':
        io.stdout.write(cmd.text);
        return 0;
      case 'schema':
        io.stdout.write(`${JSON.stringify(await scenarioJsonSchema(), null, 2)}\n`);
        return 0;
      case 'validate':
        return await validateCommand(cmd.files, cmd.sets, io);
      case 'run':
        return await runCommand(cmd, io);
      case 'backtest':
        // imported only now, so that --help, validate and schema stay fast
        return await (await import('./backtest-command.js')).backtestCommand(cmd, io);
    }
  } catch (e) {
    const code = reportError(e, io.stderr);
    if (e instanceof UsageError) io.stderr.write('Run simulate --help for usage.\n');
    return code;
  }
}
