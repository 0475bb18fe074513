import {
  BUILT_IN_CHECKS,
  checkMetadata,
  configureChecks,
} from '@prodready/plugin-readiness-node';
import { loadConfigFile } from '../config';
import {
  CheckInForce,
  formatChecksJson,
  formatChecksTable,
} from '../format/checks';
import { colorEnabled, createStyle } from '../format/style';
import { EXIT_PASS } from '../gate';
import { CliIo } from '../io';

export interface ChecksCommandOptions {
  format: 'table' | 'json';
  config?: string;
  color: boolean;
}

/** The check catalog in force: the built-in checks with `--config` applied. */
export function checksInForce(io: CliIo, configFile?: string): CheckInForce[] {
  const config = loadConfigFile(configFile, io);
  const configured = configureChecks([...BUILT_IN_CHECKS], config.policy);
  const metadata = checkMetadata(configured);
  return metadata.map((m, i) => ({ ...m, options: configured[i].options }));
}

/** `prodready checks`: lists the checks in force. */
export function runChecks(options: ChecksCommandOptions, io: CliIo): number {
  const checks = checksInForce(io, options.config);
  if (options.format === 'json') {
    io.stdout.write(formatChecksJson(checks));
  } else {
    const style = createStyle(colorEnabled(io, 'stdout', options.color));
    io.stdout.write(
      formatChecksTable(checks, { style, width: io.stdout.columns ?? 120 }),
    );
  }
  return EXIT_PASS;
}
