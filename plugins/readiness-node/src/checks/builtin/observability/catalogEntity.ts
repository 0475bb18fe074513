import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { EntityContext } from '../../types';

/** The entity ref's parts: `component:default/cart` -> Component, default, cart. */
function parseEntityRef(ref: string): { kind: string; namespace: string; name: string } {
  const m = /^(?:([^:/]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref ?? '');
  const kind = m?.[1] ?? 'Component';
  return { kind: kind.charAt(0).toUpperCase() + kind.slice(1), namespace: m?.[2] ?? 'default', name: m?.[3] ?? String(ref) };
}

/** The entity's name (`cart` of `component:default/cart`). */
export function entityName(entity: EntityContext): string {
  return parseEntityRef(entity.ref).name;
}

/**
 * Evidence pointing at the catalog entity (the engine's evidence type names Kubernetes objects;
 * an entity is named by its kind, namespace and name the same way).
 */
export function entityEvidence(entity: EntityContext, annotation?: string): CheckEvidence {
  const { kind, namespace, name } = parseEntityRef(entity.ref);
  return { kind, namespace, name, ...(annotation ? { path: `metadata.annotations["${annotation}"]` } : {}) };
}

/** A trimmed, non-empty annotation value of the entity, or undefined. */
export function entityAnnotation(entity: EntityContext, key: string): string | undefined {
  const value = entity.annotations?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a value is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
