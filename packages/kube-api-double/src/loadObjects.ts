import fs from 'node:fs';
import {
  KubernetesObject,
  readManifestPaths,
} from '@prodready/plugin-readiness-node';

/** @public */
export interface LoadObjectsOptions {
  /** Skip unreadable documents instead of throwing (default false: a fixture must be clean). */
  ignoreErrors?: boolean;
}

/**
 * Reads every `.yaml`, `.yml` and `.json` file under a directory (recursively, sorted):
 * multi-document YAML, JSON, and `kind: List` wrappers, e.g. a `kubectl get -o yaml` dump
 * like `examples/clusters/prod-eu`. Throws naming the file and line of the first bad document
 * unless `ignoreErrors` is set.
 * @public
 */
export function loadObjectsFromDirectory(
  dir: string,
  options: LoadObjectsOptions = {},
): KubernetesObject[] {
  if (!fs.existsSync(dir))
    throw new Error(`kube-api-double: no such directory: ${dir}`);
  const parsed = readManifestPaths([dir]);
  if (parsed.errors.length > 0 && !options.ignoreErrors) {
    const more =
      parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
    throw new Error(
      `kube-api-double: cannot load ${dir}: ${parsed.errors[0].message}${more}`,
    );
  }
  return parsed.objects;
}
