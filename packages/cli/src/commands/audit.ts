import {
  auditSnapshot,
  ClusterSnapshot,
  snapshotFromManifests,
} from '@prodready/plugin-readiness-node';
import { loadConfigFile } from '../config';
import { writeJson } from '../format/json';
import { formatJunit } from '../format/junit';
import { formatSarif } from '../format/sarif';
import { colorEnabled, createStyle } from '../format/style';
import { formatTable } from '../format/table';
import { AuditReport } from '../format/types';
import { EXIT_GATE_FAILED, EXIT_PASS, FailOn, gatePasses } from '../gate';
import {
  countKubernetesObjects,
  readManifestInput,
  SourceLocation,
} from '../input';
import { CliIo, UsageError } from '../io';
import { readClusterSnapshot } from '../cluster';

export type AuditFormat = 'table' | 'json' | 'sarif' | 'junit';

export interface AuditCommandOptions {
  format: AuditFormat;
  failOn: FailOn;
  config?: string;
  /** `--kubeconfig` alone: true (the default file); with a value: that file. */
  kubeconfig?: string | boolean;
  context?: string;
  clusterName?: string;
  color: boolean;
  verbose?: boolean;
  /** `--now`: evaluate as of this time (reproducible runs). */
  now?: string;
}

/** The default name of the cluster when auditing manifests. */
export const MANIFESTS_CLUSTER = 'manifests';

function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new UsageError(
      `--now: "${value}" is not an ISO-8601 date or timestamp (e.g. 2026-11-21T09:00:00Z)`,
    );
  }
  return new Date(time);
}

/**
 * `prodready audit`: reads manifests (or a live cluster), runs the checks in force, prints the
 * report and returns the exit code of the gate (0 passed, 1 failed). Usage and input errors
 * throw `UsageError` (exit 2).
 */
export async function runAudit(
  paths: string[],
  options: AuditCommandOptions,
  io: CliIo,
  version: string,
): Promise<number> {
  const live =
    options.kubeconfig !== undefined || options.context !== undefined;
  if (live && paths.length > 0) {
    throw new UsageError(
      'give either manifest paths or --kubeconfig/--context, not both',
    );
  }
  if (!live && paths.length === 0) {
    throw new UsageError(
      'nothing to audit: give manifest files or directories, - for standard input (e.g. helm template . | prodready audit -), or --kubeconfig for a live cluster',
    );
  }
  const now = parseNow(options.now);
  const config = loadConfigFile(options.config, io);

  let snapshot: ClusterSnapshot;
  let locate: (ref: {
    kind: string;
    namespace: string;
    name: string;
  }) => SourceLocation | undefined = () => undefined;
  if (live) {
    snapshot = await readClusterSnapshot(
      {
        kubeconfig:
          typeof options.kubeconfig === 'string'
            ? options.kubeconfig
            : undefined,
        context: options.context,
        clusterName: options.clusterName,
        color: options.color,
      },
      io,
    );
  } else {
    const input = await readManifestInput(paths, io);
    if (countKubernetesObjects(input.objects) === 0) {
      for (const e of input.errors)
        io.stderr.write(`prodready: ${e.message}\n`);
      throw new UsageError(
        `no Kubernetes objects in the input (${input.files.length} file${
          input.files.length === 1 ? '' : 's'
        } read)`,
      );
    }
    // Judged as of now, or of a snapshot directory's capture time (.snapshot.yaml capturedAt).
    snapshot = snapshotFromManifests(
      options.clusterName ?? MANIFESTS_CLUSTER,
      input,
      input.capturedAt ?? new Date().toISOString(),
    );
    locate = input.locate;
  }

  const result = auditSnapshot(snapshot, {
    policy: config.policy,
    scoring: config.scoring,
    now,
  });
  for (const message of result.errors)
    io.stderr.write(`prodready: ${message}\n`);

  const gatePassed = gatePasses(result.summary, options.failOn);
  const report: AuditReport = {
    result,
    locate,
    failOn: options.failOn,
    gatePassed,
    version,
  };
  switch (options.format) {
    case 'json':
      writeJson(report, io.stdout);
      break;
    case 'sarif':
      io.stdout.write(formatSarif(report));
      break;
    case 'junit':
      io.stdout.write(formatJunit(report));
      break;
    default:
      io.stdout.write(
        formatTable(report, {
          style: createStyle(colorEnabled(io, 'stdout', options.color)),
          width: io.stdout.columns ?? 120,
          verbose: Boolean(options.verbose),
        }),
      );
  }
  return gatePassed ? EXIT_PASS : EXIT_GATE_FAILED;
}
