import { buildProgram, exitCodeOf } from './program.js';
import { err } from './output.js';

/**
 * The entry point. Sets process.exitCode and lets stdout drain instead of calling
 * process.exit, so a large JSON document is never cut short.
 */
export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram((code) => {
    process.exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    const { code, message } = exitCodeOf(e);
    if (message) err(`ecall: ${message}`);
    if (argv.includes('--debug') && e instanceof Error && e.stack && code === 4) err(e.stack);
    process.exitCode = code;
  }
}
