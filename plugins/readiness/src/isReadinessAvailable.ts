import { Entity } from '@backstage/catalog-model';

/** The Backstage Kubernetes annotations an entity is mapped to its workloads with. */
const MAPPING_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
];

/**
 * Whether an entity is mapped to Kubernetes workloads, for `EntitySwitch`.
 * @public
 */
export function isReadinessAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return MAPPING_ANNOTATIONS.some(a => Boolean(annotations[a]));
}
