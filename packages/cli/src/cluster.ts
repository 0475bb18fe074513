import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ClusterSnapshot,
  ClusterUnreachableError,
  fetchClusterSnapshot,
  FetchProgressEvent,
} from '@prodready/plugin-readiness-node';
import { CliIo, UsageError } from './io';
import { colorEnabled, createStyle } from './format/style';

/** How to reach a live cluster: `--kubeconfig [FILE]`, `--context C`, `--cluster-name NAME`. */
export interface ClusterOptions {
  /** The kubeconfig file; default $KUBECONFIG (files separated by the path delimiter, merged) or ~/.kube/config. */
  kubeconfig?: string;
  /** The context to use; default the kubeconfig's current context. */
  context?: string;
  /** The cluster name in the report; default the context name. */
  clusterName?: string;
  color?: boolean;
}

/** The kubeconfig files to read: the flag's, else $KUBECONFIG's, else ~/.kube/config. */
function kubeconfigFiles(options: ClusterOptions, io: CliIo): string[] {
  if (options.kubeconfig) return [path.resolve(io.cwd, options.kubeconfig)];
  const fromEnv = (io.env.KUBECONFIG ?? '')
    .split(path.delimiter)
    .filter(f => f !== '');
  if (fromEnv.length > 0) return fromEnv.map(f => path.resolve(io.cwd, f));
  const home = io.env.HOME || os.homedir();
  return [path.join(home, '.kube', 'config')];
}

/** Loads and merges the kubeconfig files and selects the context. Problems are usage errors. */
export function loadKubeConfig(options: ClusterOptions, io: CliIo): KubeConfig {
  const files = kubeconfigFiles(options, io);
  const existing = files.filter(f => fs.existsSync(f));
  if (existing.length === 0) {
    throw new UsageError(
      `no kubeconfig: ${files.join(', ')} ${
        files.length === 1 ? 'does' : 'do'
      } not exist (give --kubeconfig FILE or set KUBECONFIG)`,
    );
  }
  const kubeConfig = new KubeConfig();
  for (const [i, file] of existing.entries()) {
    try {
      if (i === 0) kubeConfig.loadFromFile(file);
      else {
        const next = new KubeConfig();
        next.loadFromFile(file);
        kubeConfig.mergeConfig(next, true);
      }
    } catch (e) {
      throw new UsageError(
        `cannot read the kubeconfig ${file}: ${(e as Error).message}`,
      );
    }
  }
  if (options.context !== undefined) {
    if (!kubeConfig.getContextObject(options.context)) {
      const names = kubeConfig.getContexts().map(c => c.name);
      throw new UsageError(
        `--context: there is no context "${options.context}" in ${existing.join(
          ', ',
        )}${names.length ? `; contexts: ${names.join(', ')}` : ''}`,
      );
    }
    kubeConfig.setCurrentContext(options.context);
  }
  if (!kubeConfig.getCurrentContext() || !kubeConfig.getCurrentCluster()) {
    throw new UsageError(
      `the kubeconfig ${existing.join(
        ', ',
      )} has no current context with a cluster; give --context`,
    );
  }
  return kubeConfig;
}

/**
 * Progress on stderr: on a terminal one line rewritten in place (kinds done out of all, the kind
 * being read), otherwise one line per kind, so CI logs show what was read and what was missing.
 */
export function createProgressReporter(
  io: CliIo,
  color: boolean,
): { onProgress(event: FetchProgressEvent): void; done(): void } {
  const tty = Boolean(io.stderr.isTTY);
  const style = createStyle(colorEnabled(io, 'stderr', color));
  let shown = false;
  const reading = new Set<string>();
  const show = (text: string) => {
    io.stderr.write(`\r\u001b[2K${text}`);
    shown = true;
  };
  return {
    onProgress(event) {
      if (event.type === 'discovered') {
        const line = `reading cluster ${event.cluster}: ${event.served} of ${event.total} kinds served`;
        if (tty) show(style.gray(line));
        else io.stderr.write(`prodready: ${line}\n`);
        return;
      }
      if (event.type === 'kind-started') {
        reading.add(event.plural);
        if (tty)
          show(
            style.gray(
              `reading cluster ${event.cluster}: ${[...reading].join(', ')}`,
            ),
          );
        return;
      }
      reading.delete(event.plural);
      if (tty) {
        const width = Math.max(
          40,
          Math.min(120, (io.stderr.columns ?? 80) - 1),
        );
        const bar = 20;
        const filled = Math.round(
          (bar * event.done) / Math.max(1, event.total),
        );
        const line = `[${'#'.repeat(filled)}${'.'.repeat(bar - filled)}] ${
          event.done
        }/${event.total} kinds  ${event.plural}`;
        show(style.gray(line.length > width ? line.slice(0, width) : line));
        return;
      }
      const what = event.missing
        ? `missing (${event.missing.reason})`
        : `${event.count} object${event.count === 1 ? '' : 's'} in ${
            event.pages
          } page${event.pages === 1 ? '' : 's'}, ${event.durationMs} ms`;
      io.stderr.write(
        `prodready: ${event.cluster}: ${event.done}/${event.total} ${event.plural}: ${what}\n`,
      );
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}

/**
 * Reads a live cluster through readiness-node's fetcher (one paginated LIST per kind, Secrets as
 * metadata only), with a progress indicator on stderr. An unreachable cluster is an input error.
 */
export async function readClusterSnapshot(
  options: ClusterOptions,
  io: CliIo,
): Promise<ClusterSnapshot> {
  const kubeConfig = loadKubeConfig(options, io);
  const name = options.clusterName ?? kubeConfig.getCurrentContext();
  const progress = createProgressReporter(io, options.color ?? true);
  try {
    const snapshot = await fetchClusterSnapshot(
      { name, kubeConfig },
      { onProgress: progress.onProgress },
    );
    progress.done();
    const { stats } = snapshot;
    const kinds = Object.keys(stats.objectsByKind).length;
    io.stderr.write(
      `prodready: read ${
        snapshot.objects.length
      } objects of ${kinds} kinds from cluster ${name} in ${
        stats.requests
      } requests (${(stats.durationMs / 1000).toFixed(1)} s)${
        snapshot.missing.length
          ? `; ${snapshot.missing.length} kinds missing`
          : ''
      }\n`,
    );
    return snapshot;
  } catch (e) {
    if (e instanceof ClusterUnreachableError) throw new UsageError(e.message);
    throw e;
  } finally {
    progress.done();
  }
}
