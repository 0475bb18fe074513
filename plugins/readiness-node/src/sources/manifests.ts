import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { isKubernetesObject, KubernetesObject, ObjectOrigin } from '../objects';
import { ClusterSnapshot, ObjectError } from '../cluster/ClusterIndex';
import { inferMissingKinds } from '../cluster/availability';

/** Objects read from manifests, and every document that could not be read, with file and line. @public */
export interface ParsedManifests {
  objects: KubernetesObject[];
  /** Where each object was read, index for index with `objects` (file, and line for YAML). */
  origins: ObjectOrigin[];
  errors: ObjectError[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty document';
  if (Array.isArray(value)) return 'a list';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const v = value as Record<string, any>;
  const missing = ['apiVersion', 'kind', 'metadata.name'].filter(k =>
    k === 'metadata.name' ? typeof v.metadata?.name !== 'string' : typeof v[k] !== 'string',
  );
  return `an object without ${missing.join(', ')}`;
}

/** Adds objects from one parsed document, flattening `kind: List` (and `*List`) wrappers. */
function collect(value: unknown, file: string, line: number | undefined, out: ParsedManifests, itemLine?: (i: number) => number | undefined) {
  if (value === null || value === undefined) return; // an empty document between `---` is fine
  const at = (l: number | undefined) => (l === undefined ? file : `${file}:${l}`);
  const v = value as Record<string, any>;
  if (typeof v === 'object' && !Array.isArray(v) && Array.isArray(v.items) && typeof v.kind === 'string' && v.kind.endsWith('List')) {
    const itemKind = v.kind === 'List' ? undefined : v.kind.slice(0, -'List'.length);
    v.items.forEach((item: any, i: number) => {
      const filled = item && typeof item === 'object' && itemKind && !item.kind ? { kind: itemKind, apiVersion: v.apiVersion, ...item } : item;
      const l = itemLine?.(i) ?? line;
      if (isKubernetesObject(filled)) {
        out.objects.push(filled);
        out.origins.push(l === undefined ? { file } : { file, line: l });
      } else {
        out.errors.push({ message: `${at(l)}: items[${i}] of the ${v.kind} is ${describe(filled)}; skipped`, origin: { file, line: l } });
      }
    });
    return;
  }
  if (isKubernetesObject(v)) {
    out.objects.push(v);
    out.origins.push(line === undefined ? { file } : { file, line });
    return;
  }
  out.errors.push({ message: `${at(line)}: the document is ${describe(v)}, not a Kubernetes object; skipped`, origin: { file, line } });
}

/**
 * Parses one YAML or JSON text (multi-document YAML, `kind: List`, `helm template` output).
 * A malformed document is reported with its file and line and the others are still read.
 * @public
 */
export function parseManifests(text: string, file = '<stdin>'): ParsedManifests {
  const out: ParsedManifests = { objects: [], origins: [], errors: [] };
  const first = /\S/.exec(text.slice(0, 4096))?.[0];
  if (first === '{' || first === '[') {
    try {
      // JSON (a `kubectl get -o json` dump): one fast parse; objects are located by file only.
      const value = JSON.parse(text);
      for (const v of Array.isArray(value) ? value : [value]) collect(v, file, undefined, out);
      return out;
    } catch {
      // Not valid JSON as a whole: fall through to YAML, which also reads JSON documents and reports lines.
    }
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const at = e.pos ? lineCounter.linePos(e.pos[0]).line : line;
      out.errors.push({ message: `${file}:${at}: invalid YAML in the document starting at line ${line}: ${e.message.split('\n')[0]}; the document was skipped`, origin: { file, line: at } });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      out.errors.push({ message: `${file}:${line}: ${(err as Error).message}; the document was skipped`, origin: { file, line } });
      continue;
    }
    const items = (doc.contents as any)?.get?.('items', true)?.items as Array<{ range?: [number, number] }> | undefined;
    const itemLine = items ? (i: number) => (items[i]?.range ? lineCounter.linePos(items[i].range![0]).line : undefined) : undefined;
    collect(value, file, line, out, itemLine);
  }
  return out;
}

/** Every manifest file under the paths (files, or directories walked recursively, sorted). @public */
export function listManifestFiles(paths: string[]): string[] {
  const files: string[] = [];
  const visit = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        if (entry.startsWith('.')) continue;
        const child = path.join(p, entry);
        if (fs.statSync(child).isDirectory() || MANIFEST_EXTENSIONS.has(path.extname(entry).toLowerCase())) visit(child);
      }
    } else {
      files.push(p);
    }
  };
  for (const p of paths) visit(p);
  return files;
}

/**
 * Reads manifest files and directories into one parse result. A file that cannot be read is
 * an error naming it; the others are still read.
 * @public
 */
export function readManifestPaths(paths: string[]): ParsedManifests {
  const out: ParsedManifests = { objects: [], origins: [], errors: [] };
  let files: string[];
  try {
    files = listManifestFiles(paths);
  } catch (e) {
    out.errors.push({ message: (e as Error).message });
    return out;
  }
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      out.errors.push({ message: `${file}: cannot be read: ${(e as Error).message}`, origin: { file } });
      continue;
    }
    const parsed = parseManifests(text, file);
    for (let i = 0; i < parsed.objects.length; i++) {
      out.objects.push(parsed.objects[i]);
      out.origins.push(parsed.origins[i]);
    }
    out.errors.push(...parsed.errors);
  }
  return out;
}

/**
 * A cluster snapshot from offline objects: custom resource kinds with neither objects nor a
 * CustomResourceDefinition in the input are reported missing (their checks say `unknown`).
 * @public
 */
export function snapshotFromManifests(cluster: string, parsed: ParsedManifests, fetchedAt?: string): ClusterSnapshot {
  return {
    cluster,
    objects: parsed.objects,
    errors: parsed.errors,
    missing: inferMissingKinds(parsed.objects),
    fetchedAt,
  };
}

/** The optional metadata file of a snapshot directory. @public */
export const SNAPSHOT_METADATA_FILE = '.snapshot.yaml';

/** What a snapshot directory's `.snapshot.yaml` says, with its problems. @public */
export interface SnapshotMetadata {
  cluster?: string;
  capturedAt?: string;
  errors: ObjectError[];
}

/** Reads `<dir>/.snapshot.yaml` when there is one. @public */
export function readSnapshotMetadata(dir: string): SnapshotMetadata {
  const metaFile = path.join(dir, SNAPSHOT_METADATA_FILE);
  const out: SnapshotMetadata = { errors: [] };
  if (!fs.existsSync(metaFile)) return out;
  const docs = parseAllDocuments(fs.readFileSync(metaFile, 'utf8'));
  const doc = Array.isArray(docs) ? docs[0] : docs;
  const value = (doc && doc.errors.length === 0 ? doc.toJS() : undefined) as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object') {
    out.errors.push({ message: `${metaFile}: not a YAML mapping with cluster and capturedAt`, origin: { file: metaFile } });
    return out;
  }
  if (typeof value.cluster === 'string') out.cluster = value.cluster;
  if (typeof value.capturedAt === 'string' && !Number.isNaN(Date.parse(value.capturedAt))) {
    out.capturedAt = new Date(value.capturedAt).toISOString();
  } else if (value.capturedAt instanceof Date) {
    out.capturedAt = value.capturedAt.toISOString();
  } else if (value.capturedAt !== undefined) {
    out.errors.push({ message: `${metaFile}: capturedAt must be an ISO-8601 time, got ${JSON.stringify(value.capturedAt)}`, origin: { file: metaFile } });
  }
  return out;
}

/**
 * Reads a snapshot directory (YAML/JSON dumps of one cluster) into a cluster snapshot. A
 * `.snapshot.yaml` beside the dumps may say when they were captured (`capturedAt: <ISO time>`)
 * and the cluster's name (`cluster: prod-eu`); ages (backups, certificates) are then judged as
 * of the capture time, as they would have been on the live cluster.
 * @public
 */
export function readSnapshotDirectory(dir: string, name?: string): ClusterSnapshot {
  const parsed = readManifestPaths([dir]);
  const meta = readSnapshotMetadata(dir);
  parsed.errors.push(...meta.errors);
  return snapshotFromManifests(name ?? meta.cluster ?? path.basename(path.resolve(dir)), parsed, meta.capturedAt);
}
