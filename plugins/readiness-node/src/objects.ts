/**
 * The minimal, tolerant shape of a Kubernetes object as the engine reads it. Everything past
 * metadata is `any`-typed on purpose: objects come from clusters and manifests of every version,
 * and a check must survive a missing or mistyped field (it reports `unknown`/`fail`, never throws).
 */

/** @public */
export interface OwnerReference {
  apiVersion?: string;
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

/** @public */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  creationTimestamp?: string;
  [key: string]: unknown;
}

/** @public */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [key: string]: any;
}

/** Where an object came from, for error messages: a file and line, or a cluster. @public */
export interface ObjectOrigin {
  file?: string;
  line?: number;
  cluster?: string;
}

/** @public */
export function isKubernetesObject(value: unknown): value is KubernetesObject {
  const v = value as KubernetesObject;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.kind === 'string' &&
    typeof v.apiVersion === 'string' &&
    typeof v.metadata === 'object' &&
    v.metadata !== null &&
    typeof v.metadata.name === 'string'
  );
}
