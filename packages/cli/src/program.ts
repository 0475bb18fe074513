import { Command } from 'commander';
import { version } from '../package.json';

/** Builds the command tree; `main` runs it. @public */
export function createProgram(): Command {
  const program = new Command('prodready');
  program
    .description(
      'Production readiness of Kubernetes workloads: the checks of the Prodready Backstage plugin, on manifests or a live cluster.',
    )
    .version(version, '-V, --version')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Exit codes: 0 the gate passed, 1 the gate failed, 2 usage or input error.
Documentation: docs/checks/README.md lists every check by domain.`,
    );
  return program;
}

/** Runs the CLI with process arguments (`process.argv`). @public */
export async function main(argv: string[]): Promise<void> {
  const program = createProgram();
  program.exitOverride(err => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });
  if (argv.length <= 2) {
    program.outputHelp();
    return;
  }
  await program.parseAsync(argv);
}
