import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import type { CommonOptions } from './emit.js';
import { EXIT, UserError, type ExitCode } from './exit-codes.js';
import { errRaw, write } from './output.js';

// commander is a CommonJS package: required, it loads in ~9 ms; imported as an ES module (the
// CommonJS translator and its export lexer) ~19 ms, a third of `ecall --help`'s margin over a
// bare `node -e 0` (99 against 64 ms). Its ES entry re-exports these same classes.
const { Command, CommanderError, InvalidArgumentError, Option } = createRequire(import.meta.url)('commander') as typeof Commander;
type Command = Commander.Command;

/**
 * The one file that imports commander. Command handlers are loaded only when their command
 * runs, so `ecall --help` starts as fast as Node itself (heavy libraries load lazily).
 */
const INPUT_FORMATS = ['transcript-site', 'refinitiv', 'streetevents', 'seeking-alpha', 'motley-fool', 'colon', 'markdown', 'factset-xml', 'asr-segments', 'plain'];

/** `--currency twd` → `TWD`; anything but three letters is a usage error (exit 2). */
function currencyCode(value: string): string {
  if (!/^[A-Za-z]{3}$/.test(value)) throw new InvalidArgumentError('give an ISO 4217 code of three letters, such as TWD, HKD or CNY');
  return value.toUpperCase();
}

function common(cmd: Command, formats: string[]): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, json otherwise)').choices(formats))
    .addOption(new Option('--input-format <layout>', 'force the transcript layout instead of detecting it').choices(INPUT_FORMATS))
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR and TERM=dumb work too)')
    .option('--strict', 'exit 1 when any warning is reported')
    .option('-v, --verbose', 'also print info diagnostics (detected encoding, guesses)')
    .option('-q, --quiet', 'print no diagnostics on stderr')
    .option('--debug', 'print stack traces of internal errors')
    .option('-j, --jobs <n>', 'files analysed in parallel on worker threads (default: the number of cores)');
}

export function buildProgram(setExit: (code: ExitCode) => void): Command {
  const program = new Command('ecall')
    .description('Read earnings-call transcripts (Chinese and English) into speaker turns, aligned sentences and financial metrics.')
    .version('0.1.0', '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // Through ecall's writers: their streams get the EPIPE guard (`ecall --help | head -1`).
    .configureOutput({ writeOut: (str) => write(str), writeErr: (str) => errRaw(str) })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  ecall turns call.txt                 speaker turns as a table
  ecall turns call.txt --format json   the same as one JSON document
  cat call.txt | ecall turns -         read standard input
  ecall turns transcripts/ -f ndjson   every transcript in a folder, one turn per line
  ecall quantities call.txt            every figure, both languages, with line:column
  ecall metrics call.txt               revenue, margins, EBITDA… by segment and period, with checks

Exit codes: 0 ok, 1 findings asked to fail on (--strict), 2 usage error, 3 unreadable input, 4 internal error.`,
    );

  common(program.command('turns'), ['table', 'json', 'ndjson', 'csv'])
    .description('split transcripts into speaker turns with roles, sections and Q&A exchanges')
    .argument('[files...]', 'transcript files or directories; - reads standard input')
    .addHelpText(
      'after',
      `
Examples:
  ecall turns call.txt
  ecall turns call.txt --format json | jq '.turns[] | select(.role == "analyst") | .speaker'
  ecall turns calls/ --format ndjson > turns.ndjson
  ecall turns call.xml --input-format factset-xml`,
    )
    .action(async (files: string[], opts: CommonOptions) => {
      const { runPerFile } = await import('./emit.js');
      setExit(await runPerFile(files, opts, { command: 'turns' }));
    });

  common(program.command('quantities'), ['table', 'json', 'ndjson', 'csv'])
    .description('list every number, amount, percentage and percentage-point change, in Chinese and English')
    .argument('[files...]', 'transcript files or directories; - reads standard input')
    .option('--lines', 'treat each input line as a separate document (no turn parsing)')
    .addHelpText(
      'after',
      `
Examples:
  ecall quantities call.txt
  echo '收入达人民币十八点四亿元，毛利率百分之十一点三' | ecall quantities --lines -
  ecall quantities call.txt -f csv > figures.csv`,
    )
    .action(async (files: string[], opts: CommonOptions & { lines?: boolean }) => {
      const { runPerFile } = await import('./emit.js');
      setExit(await runPerFile(files, opts, { command: 'quantities', lines: opts.lines === true }));
    });

  common(program.command('align'), ['table', 'json', 'ndjson', 'csv'])
    .description('put each Chinese sentence beside its English interpretation, with a confidence; unpaired material reported')
    .argument('[files...]', 'transcript files or directories; - reads standard input')
    .addHelpText(
      'after',
      `
Examples:
  ecall align call.txt                       Chinese | English | confidence, wrapped to the terminal
  ecall align call.txt --format json | jq '.unpaired'
  ecall align call.txt -f csv > beads.csv`,
    )
    .action(async (files: string[], opts: CommonOptions) => {
      const { runPerFile } = await import('./emit.js');
      setExit(await runPerFile(files, opts, { command: 'align' }));
    });

  common(program.command('metrics'), ['table', 'json', 'ndjson', 'csv'])
    .description('financial metrics by segment and basis, with periods, stated and computed changes, tie-outs and cross-language checks')
    .argument('[files...]', 'transcript files or directories; - reads standard input')
    .option('--metric <keys>', 'only these metrics, comma-separated (revenue,gross_margin)')
    .option('--segment <name>', "only this segment ('total' for company totals)")
    .addOption(new Option('--lang <lang>', 'only facts said in this language, with only those mentions').choices(['zh', 'en']))
    .option('--currency <code>', 'currency of amounts that name none and of a bare 元 (TWD for a Taiwanese call; default: the call\'s usual one, CNY for 元)', currencyCode)
    .addHelpText(
      'after',
      `
Examples:
  ecall metrics call.txt                              the table, checks below
  ecall metrics call.txt --metric revenue,gross_margin --segment total
  ecall metrics call.txt --format json | jq '.checks[] | select(.status != "pass")'
  ecall metrics taipei-call.txt --currency TWD          元 is the New Taiwan dollar here
  ecall metrics calls/ --format csv > metrics.csv`,
    )
    .action(async (files: string[], opts: CommonOptions & { metric?: string; segment?: string; lang?: 'zh' | 'en'; currency?: string }) => {
      const { runPerFile } = await import('./emit.js');
      setExit(
        await runPerFile(files, opts, {
          command: 'metrics',
          ...(opts.metric ? { metric: opts.metric } : {}),
          ...(opts.segment ? { segment: opts.segment } : {}),
          ...(opts.lang ? { lang: opts.lang } : {}),
          ...(opts.currency ? { currency: opts.currency } : {}),
        }),
      );
    });

  common(program.command('analyze'), ['table', 'json', 'ndjson'])
    .description('the whole analysis of each transcript in one document: turns, quantities (and, as they land, alignment and metrics)')
    .argument('[files...]', 'transcript files or directories; - reads standard input')
    .option('--currency <code>', 'for the metrics: currency of amounts that name none and of a bare 元 (see ecall metrics --help)', currencyCode)
    .addHelpText(
      'after',
      `
Examples:
  ecall analyze call.txt --format json > call.json
  ecall analyze calls/ --format ndjson --jobs 4 > calls.ndjson`,
    )
    .action(async (files: string[], opts: CommonOptions & { currency?: string }) => {
      const { runPerFile } = await import('./emit.js');
      setExit(await runPerFile(files, opts, { command: 'analyze', ...(opts.currency ? { currency: opts.currency } : {}) }));
    });

  common(program.command('compare'), ['table', 'json', 'csv'])
    .description('several calls of one company side by side: one table per metric family, periods as columns, changes across calls')
    .argument('[files...]', 'the calls (files or a directory); the latest call wins where two state the same period')
    .option('--currency <code>', 'currency of amounts that name none and of a bare 元 in every call (see ecall metrics --help)', currencyCode)
    .addHelpText(
      'after',
      `
Examples:
  ecall compare calls/kingsoft/                  revenue, margins… quarter after quarter
  ecall compare q1.txt q2.txt q3.txt -f csv > series.csv
  ecall compare calls/ -f json | jq '.series[] | select(.metric == "revenue")'`,
    )
    .action(async (files: string[], opts: CommonOptions & { currency?: string }) => {
      const { runCompare } = await import('./commands/compare.js');
      setExit(await runCompare(files, opts));
    });

  common(program.command('check'), ['table', 'json'])
    .description('compare what ecall reads now with each transcript\'s expected file (X.txt → X.expected.json)')
    .argument('[paths...]', 'transcripts or directories (default: fixtures/)')
    .option('--update', 'write the expected files for the paths given, instead of comparing')
    .option('--tolerance <relative>', 'relative tolerance for numbers', '1e-9')
    .addHelpText(
      'after',
      `
Exit codes: 0 all match, 1 some differ, 3 an input is unreadable.

Examples:
  ecall check                               every fixture under fixtures/
  ecall check fixtures/metrics/             one folder
  ecall check fixtures/x.txt --update       accept a reviewed change
  ecall check --format json | jq '.files[] | select(.status == "differ")'`,
    )
    .action(async (paths: string[], opts: CommonOptions & { update?: boolean; tolerance?: string }) => {
      const { runCheck } = await import('./commands/check.js');
      setExit(await runCheck(paths, opts));
    });

  return program;
}

/** Commander's own errors (unknown option, missing argument) are usage errors: exit 2. */
export function exitCodeOf(e: unknown): { code: ExitCode; message: string | null } {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return { code: EXIT.ok, message: null };
    // Commander has already printed its message to stderr.
    return { code: EXIT.usage, message: null };
  }
  if (e instanceof UserError) return { code: e.exitCode, message: e.message };
  return { code: EXIT.internal, message: `internal error: ${(e as Error).message ?? String(e)} (please report it; --debug shows the trace)` };
}
