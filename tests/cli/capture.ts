import { main } from '../../src/cli/main.js';

/** An in-memory stand-in for the CLI's stdout and stderr. */
export function capture() {
  const io = { out: '', err: '' };
  return {
    text: io,
    io: {
      stdout: { write: (s: string) => (io.out += s) },
      stderr: { write: (s: string) => (io.err += s) },
    },
  };
}

/** Runs `simulate` in this process with {@link capture}d output: its exit code, stdout and stderr. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { io, text } = capture();
  const code = await main(argv, io);
  return { code, ...text };
}
