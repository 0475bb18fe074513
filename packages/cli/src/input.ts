import fs from 'node:fs';
import path from 'node:path';
import {
  isCatalogEntityObject,
  KubernetesObject,
  listManifestFiles,
  ObjectError,
  parseManifests,
  ObjectOrigin,
  readSnapshotMetadata,
  SNAPSHOT_METADATA_FILE,
} from '@prodready/plugin-readiness-node';
import { WorkloadRef } from '@prodready/plugin-readiness-common';
import { CliIo, readAll, UsageError } from './io';

/** Where an object's document starts, for reports that point at the source. */
export interface SourceLocation {
  /** The file as given or found (relative to the working directory when under it), `<stdin>` for standard input. */
  file: string;
  /** The line the object's document starts on (YAML); absent for JSON dumps. */
  line?: number;
}

/** Objects read from manifest files and standard input. */
export interface ManifestInput {
  objects: KubernetesObject[];
  /** Where each object was read, index for index with `objects`. */
  origins: ObjectOrigin[];
  errors: ObjectError[];
  /** Files read (`<stdin>` for standard input). */
  files: string[];
  /**
   * When the input is one snapshot directory whose `.snapshot.yaml` gives `capturedAt`: that
   * time (ISO), as which its objects are judged (backup and certificate ages).
   */
  capturedAt?: string;
  /** The location of an object by kind, namespace (default `default`) and name. */
  locate(
    ref: Pick<WorkloadRef, 'kind' | 'namespace' | 'name'>,
  ): SourceLocation | undefined;
}

export const STDIN = '<stdin>';

function locationKey(
  kind: string,
  namespace: string | undefined,
  name: string,
) {
  return `${kind}\u0000${namespace || 'default'}\u0000${name}`;
}

/** A path for display and SARIF: relative to the working directory when under it, with `/`. */
export function displayPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const shown =
    relative && !relative.startsWith('..') && !path.isAbsolute(relative)
      ? relative
      : absolute;
  return shown.split(path.sep).join('/');
}

/**
 * Reads manifests from files, directories (walked recursively for .yaml, .yml and .json) and
 * standard input (`-`). A path that does not exist is a usage error; a malformed document is an
 * error with its file and line, and the rest is still read.
 */
export async function readManifestInput(
  paths: string[],
  io: CliIo,
): Promise<ManifestInput> {
  const objects: KubernetesObject[] = [];
  const origins: ObjectOrigin[] = [];
  const errors: ObjectError[] = [];
  const files: string[] = [];
  const locations = new Map<string, SourceLocation>();

  const add = (text: string, file: string) => {
    files.push(file);
    // One parse per file: the loader records where each object was read.
    const parsed = parseManifests(text, file);
    for (let i = 0; i < parsed.objects.length; i++) {
      const obj = parsed.objects[i];
      const origin = parsed.origins[i];
      objects.push(obj);
      origins.push(origin);
      const key = locationKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
      if (!locations.has(key)) locations.set(key, { file: origin.file ?? file, ...(origin.line ? { line: origin.line } : {}) });
    }
    for (const e of parsed.errors) errors.push(e);
  };

  let stdinRead = false;
  for (const given of paths) {
    if (given === '-') {
      if (stdinRead) continue;
      stdinRead = true;
      add(await readAll(io.stdin), STDIN);
      continue;
    }
    const absolute = path.resolve(io.cwd, given);
    if (!fs.existsSync(absolute)) {
      throw new UsageError(`${given}: no such file or directory`);
    }
    for (const found of listManifestFiles([absolute])) {
      const file = displayPath(found, io.cwd);
      let text: string;
      try {
        text = fs.readFileSync(found, 'utf8');
      } catch (e) {
        errors.push({
          message: `${file}: cannot be read: ${(e as Error).message}`,
          origin: { file },
        });
        continue;
      }
      add(text, file);
    }
  }

  let capturedAt: string | undefined;
  if (paths.length === 1 && paths[0] !== '-') {
    const dir = path.resolve(io.cwd, paths[0]);
    const meta = path.join(dir, SNAPSHOT_METADATA_FILE);
    if (fs.statSync(dir).isDirectory() && fs.existsSync(meta)) {
      const metadata = readSnapshotMetadata(dir);
      capturedAt = metadata.capturedAt;
      for (const e of metadata.errors) {
        errors.push({ ...e, message: e.message.replace(meta, displayPath(meta, io.cwd)) });
      }
    }
  }

  return {
    objects,
    origins,
    errors,
    files,
    ...(capturedAt ? { capturedAt } : {}),
    locate: ref =>
      locations.get(locationKey(ref.kind, ref.namespace, ref.name)),
  };
}

/** How many of the objects are Kubernetes objects (not Backstage catalog entities). */
export function countKubernetesObjects(objects: KubernetesObject[]): number {
  return objects.filter(o => !isCatalogEntityObject(o)).length;
}
