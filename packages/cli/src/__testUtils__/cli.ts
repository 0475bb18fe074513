import path from 'node:path';
import { Readable } from 'node:stream';
import { CliIo } from '../io';
import { run } from '../program';

/** The fixtures of the CLI's tests. */
export const FIXTURES = path.resolve(__dirname, '../__fixtures__');

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with buffered output: `args` without the node and script names.
 * Defaults: no TTY, no NO_COLOR/FORCE_COLOR, working directory the fixtures.
 */
export async function runCli(
  args: string[],
  options: {
    stdin?: string;
    env?: Record<string, string>;
    cwd?: string;
    tty?: boolean;
    columns?: number;
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
      isTTY: options.tty ?? false,
      columns: options.columns,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
      isTTY: options.tty ?? false,
    },
    stdin: Readable.from(
      options.stdin !== undefined ? [Buffer.from(options.stdin)] : [],
    ),
    env: options.env ?? {},
    cwd: options.cwd ?? FIXTURES,
  };
  const code = await run(['node', 'prodready', ...args], io);
  return { code, stdout, stderr };
}

/** The evaluation time the fixture tests use. */
export const NOW = '2026-11-21T09:00:00Z';
