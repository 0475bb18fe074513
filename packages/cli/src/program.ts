import { Command, CommanderError, Option } from 'commander';
import { version } from '../package.json';
import { AuditCommandOptions, runAudit } from './commands/audit';
import { ChecksCommandOptions, runChecks } from './commands/checks';
import { EXIT_USAGE, FAIL_ON_VALUES } from './gate';
import { CliIo, processIo, UsageError } from './io';

const AUDIT_EXAMPLES = `
Examples:
  prodready audit k8s/                                   audit every manifest under k8s/
  helm template . | prodready audit -                    audit a chart's rendered output
  prodready audit k8s/ catalog-info.yaml                 include the catalog entity (entity checks, accepted risks)
  prodready audit k8s/ --format sarif > prodready.sarif  code-scanning report
  prodready audit k8s/ --config prodready.yaml --fail-on high
  prodready audit --kubeconfig --context prod-eu         audit a live cluster

Exit codes: 0 the gate passed, 1 the gate failed, 2 usage or input error.`;

/**
 * Builds the command tree. `io` receives the output and `setExitCode` the exit code of the command
 * that ran.
 * @public
 */
export function createProgram(
  io: CliIo = processIo(),
  setExitCode: (code: number) => void = () => {},
): Command {
  const program = new Command('prodready');
  program
    .description(
      'Production readiness of Kubernetes workloads: the checks of the Prodready Backstage plugin, on manifests or a live cluster.',
    )
    .version(version, '-V, --version')
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
    })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Exit codes: 0 the gate passed, 1 the gate failed, 2 usage or input error.
Documentation: docs/checks/README.md lists every check by domain.`,
    );

  program
    .command('audit')
    .description(
      'Audit manifests (files, directories, - for standard input) or a live cluster, and gate on the result.',
    )
    .argument(
      '[paths...]',
      'YAML/JSON manifest files or directories; - reads standard input',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json', 'sarif', 'junit'])
        .default('table'),
    )
    .addOption(
      new Option(
        '--fail-on <gate>',
        'exit 1 when: no-go (verdict), critical (an unwaived critical failure), high (critical or high), never',
      )
        .choices([...FAIL_ON_VALUES])
        .default('no-go'),
    )
    .option(
      '-c, --config <file>',
      'YAML file with a top-level readiness: block (same keys as app-config)',
    )
    .option(
      '--kubeconfig [file]',
      'audit a live cluster (default file: $KUBECONFIG or ~/.kube/config)',
    )
    .option(
      '--context <name>',
      'kubeconfig context of the live cluster (default: the current context)',
    )
    .option(
      '--cluster-name <name>',
      'cluster name in the report (default: manifests, or the context name)',
    )
    .option(
      '--no-color',
      'no ANSI colours (also: NO_COLOR set, or output not a terminal)',
    )
    .option(
      '-v, --verbose',
      'table: also list not-applicable checks and every passing check with its message',
    )
    .option(
      '--now <timestamp>',
      "evaluate as of this ISO-8601 time (default: now, or a snapshot directory's .snapshot.yaml capturedAt)",
    )
    .addHelpText('after', AUDIT_EXAMPLES)
    .action(async (paths: string[], options: AuditCommandOptions) => {
      setExitCode(await runAudit(paths, options, io, version));
    });

  program
    .command('checks')
    .description(
      'List the checks in force (built-in checks with --config applied).',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option(
      '-c, --config <file>',
      'YAML file with a top-level readiness: block (same keys as app-config)',
    )
    .option(
      '--no-color',
      'no ANSI colours (also: NO_COLOR set, or output not a terminal)',
    )
    .action((options: ChecksCommandOptions) => {
      setExitCode(runChecks(options, io));
    });

  return program;
}

/**
 * Runs the CLI with `argv` as `process.argv` gives it (node, script, arguments...) and returns the
 * exit code: 0 the gate passed, 1 the gate failed, 2 usage or input error.
 * @public
 */
export async function run(
  argv: string[],
  io: CliIo = processIo(),
): Promise<number> {
  let exitCode = 0;
  const program = createProgram(io, code => {
    exitCode = code;
  });
  if (argv.length <= 2) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; commander has already printed its own error message.
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`prodready: ${e.message}\n`);
      return EXIT_USAGE;
    }
    const error = e as Error;
    io.stderr.write(`prodready: ${error?.stack ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}

/**
 * Runs the CLI with process arguments (`process.argv`) and sets the process exit code, letting
 * pending output drain rather than cutting it off with `process.exit`.
 * @public
 */
export async function main(argv: string[]): Promise<void> {
  // `prodready audit k8s/ | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await run(argv, processIo());
}
