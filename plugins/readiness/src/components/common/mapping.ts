import { Entity } from '@backstage/catalog-model';

/** The Backstage Kubernetes annotations that map an entity to workloads, in the order they are read. */
export const MAPPING_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
  'backstage.io/kubernetes-namespace',
  'backstage.io/kubernetes-cluster',
] as const;

/** The mapping annotations an entity carries, as [key, value] pairs. */
export function mappingAnnotationsOf(entity: Entity): Array<[string, string]> {
  const annotations = entity.metadata.annotations ?? {};
  return MAPPING_ANNOTATIONS.filter(key => annotations[key] !== undefined).map(
    key => [key, annotations[key]] as [string, string],
  );
}

/** The YAML an entity needs to be mapped by its name. */
export function mappingSnippet(entity: Entity): string {
  return [
    '# catalog-info.yaml',
    'metadata:',
    '  annotations:',
    `    backstage.io/kubernetes-id: ${entity.metadata.name}`,
    '',
    '# and on each workload (Deployment, StatefulSet, CronJob...) and its pod template:',
    'metadata:',
    '  labels:',
    `    backstage.io/kubernetes-id: ${entity.metadata.name}`,
  ].join('\n');
}

/** Quote a YAML scalar when it needs it. */
function yamlValue(value: string): string {
  return /^[\w./:-]+$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

/** The mapping annotations an entity carries, as YAML. */
export function currentMappingSnippet(entity: Entity): string {
  const pairs = mappingAnnotationsOf(entity);
  return [
    'metadata:',
    '  annotations:',
    ...pairs.map(([key, value]) => `    ${key}: ${yamlValue(value)}`),
  ].join('\n');
}
