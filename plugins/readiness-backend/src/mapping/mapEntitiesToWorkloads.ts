import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  KUBERNETES_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
} from '@backstage/plugin-kubernetes-common';
import { EntityConfigurationError, WorkloadRef } from '@prodready/plugin-readiness-common';
import {
  LabelSelectorError,
  LabelSelectorRequirement,
  matchesRequirements,
  parseLabelSelector,
} from '@prodready/plugin-readiness-node';

/** Restricts the namespaces an entity's workloads are looked up in (Backstage Kubernetes plugin semantics). */
export const KUBERNETES_NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';
/** Restricts the clusters an entity's workloads are looked up in. */
export const KUBERNETES_CLUSTER_ANNOTATION = 'backstage.io/kubernetes-cluster';

/** What mapping needs to know of a workload: where it is and its labels. */
export interface MappableWorkload {
  ref: WorkloadRef;
  /** The workload object's own labels. */
  labels: Record<string, string>;
  /** Its pod template's labels. */
  templateLabels: Record<string, string>;
}

/** How an entity maps to workloads. */
export interface EntityMapping {
  entityRef: string;
  state: 'not-mapped' | 'mapped' | 'configuration-error';
  workloads: MappableWorkload[];
  /** The selector used, for messages (`backstage.io/kubernetes-id=checkout`). */
  selector?: string;
  errors: EntityConfigurationError[];
}

type LabelIndex = Map<string, Map<string, MappableWorkload[]>>;

function addToIndex(index: LabelIndex, labels: Record<string, string>, w: MappableWorkload) {
  for (const [k, v] of Object.entries(labels)) {
    let values = index.get(k);
    if (!values) index.set(k, (values = new Map()));
    const list = values.get(v);
    if (list) {
      if (list[list.length - 1] !== w) list.push(w);
    } else values.set(v, [w]);
  }
}

/**
 * Every evaluated workload of every cluster, indexed by label so that mapping thousands of
 * entities stays cheap: each entity looks up its most selective label, then checks the rest.
 */
export class WorkloadCatalog {
  private readonly byCluster = new Map<string, { all: MappableWorkload[]; labels: LabelIndex }>();

  constructor(workloads: Iterable<MappableWorkload>) {
    for (const w of workloads) {
      let c = this.byCluster.get(w.ref.cluster);
      if (!c) this.byCluster.set(w.ref.cluster, (c = { all: [], labels: new Map() }));
      c.all.push(w);
      addToIndex(c.labels, w.labels, w);
      addToIndex(c.labels, w.templateLabels, w);
    }
  }

  get clusters(): string[] {
    return [...this.byCluster.keys()];
  }

  /**
   * Workloads whose own labels, or whose pod template labels, satisfy the requirements. Like the
   * Kubernetes plugin, a workload is shown when it carries the labels; charts that label only
   * their pods are found through the template.
   */
  select(reqs: LabelSelectorRequirement[], filter: { clusters?: string[]; namespaces?: string[] }): MappableWorkload[] {
    const out: MappableWorkload[] = [];
    for (const [cluster, c] of this.byCluster) {
      if (filter.clusters && !filter.clusters.includes(cluster)) continue;
      let candidates = c.all;
      for (const r of reqs) {
        if (r.operator === 'In' && r.values) {
          const values = c.labels.get(r.key);
          const found = [...new Set(r.values.flatMap(v => values?.get(v) ?? []))];
          if (found.length < candidates.length) candidates = found;
        }
      }
      for (const w of candidates) {
        if (filter.namespaces && !filter.namespaces.includes(w.ref.namespace)) continue;
        if (matchesRequirements(reqs, w.labels) || matchesRequirements(reqs, w.templateLabels)) out.push(w);
      }
    }
    return out;
  }
}

function commaList(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const items = value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/**
 * Maps one entity to its workloads with the Backstage Kubernetes annotations:
 * `backstage.io/kubernetes-label-selector` (wins), else `backstage.io/kubernetes-id` (selector
 * `backstage.io/kubernetes-id=<id>`), restricted by `backstage.io/kubernetes-namespace` and
 * `backstage.io/kubernetes-cluster`. A malformed selector is an entity-level configuration
 * error naming the annotation.
 */
export function mapEntityToWorkloads(entity: Entity, catalog: WorkloadCatalog): EntityMapping {
  const entityRef = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const labelSelector = annotations[KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION];
  const id = annotations[KUBERNETES_ANNOTATION];
  if (!labelSelector && !id) return { entityRef, state: 'not-mapped', workloads: [], errors: [] };

  let reqs: LabelSelectorRequirement[];
  let selector: string;
  if (labelSelector !== undefined && labelSelector.trim() !== '') {
    selector = labelSelector;
    try {
      reqs = parseLabelSelector(labelSelector);
    } catch (e) {
      const message = e instanceof LabelSelectorError ? e.message : String(e);
      return {
        entityRef,
        state: 'configuration-error',
        workloads: [],
        selector,
        errors: [{ source: KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION, message: `${KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION}: ${message}` }],
      };
    }
    if (reqs.length === 0) {
      return {
        entityRef,
        state: 'configuration-error',
        workloads: [],
        selector,
        errors: [{ source: KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION, message: `${KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION} is empty: it would select every workload` }],
      };
    }
  } else {
    selector = `${KUBERNETES_ANNOTATION}=${id}`;
    reqs = [{ key: KUBERNETES_ANNOTATION, operator: 'In', values: [String(id)] }];
  }
  const workloads = catalog.select(reqs, {
    clusters: commaList(annotations[KUBERNETES_CLUSTER_ANNOTATION]),
    namespaces: commaList(annotations[KUBERNETES_NAMESPACE_ANNOTATION]),
  });
  return { entityRef, state: 'mapped', workloads, selector, errors: [] };
}
