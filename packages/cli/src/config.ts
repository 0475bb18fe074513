import fs from 'node:fs';
import path from 'node:path';
import {
  BUILT_IN_CHECKS,
  parseReadinessConfigText,
  ReadinessConfig,
} from '@prodready/plugin-readiness-node';
import { CliIo, UsageError } from './io';
import { displayPath } from './input';

/**
 * Reads `--config FILE`: a YAML file with a top-level `readiness:` block (the same keys as
 * app-config). Unreadable or invalid: a usage error listing every problem with file and key.
 */
export function loadConfigFile(
  file: string | undefined,
  io: CliIo,
): ReadinessConfig {
  if (!file) return { policy: {}, scoring: {}, errors: [] };
  const shown = displayPath(file, io.cwd);
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read the config file ${shown}: ${
        code === 'ENOENT' ? 'no such file' : (e as Error).message
      }`,
    );
  }
  const config = parseReadinessConfigText(text, shown, {
    checkIds: BUILT_IN_CHECKS.map(c => c.id),
  });
  if (config.errors.length > 0) {
    throw new UsageError(
      `invalid config file ${shown}:\n${config.errors
        .map(e => `  ${e}`)
        .join('\n')}`,
    );
  }
  return config;
}
