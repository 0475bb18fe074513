import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { containersOf, objectEvidence } from '../../util';
import { kindAccess, quoteNames, vpaContainerPolicy, vpaUpdateMode } from './podResources';

const RESOURCES = new Set(['cpu', 'memory']);
/** The workload kinds with a scale subresource, which an HPA (or KEDA) can target. */
const SCALABLE_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** A cpu or memory metric a horizontal scaler acts on; `container` for per-container metrics. */
interface ResourceMetric {
  scaler: KubernetesObject;
  resource: string;
  container?: string;
  path: string;
}

/**
 * The cpu/memory metrics of an HPA: autoscaling/v2 `Resource` and `ContainerResource` metrics;
 * autoscaling/v1 `targetCPUUtilizationPercentage`; and, with no metric at all, the API default
 * of 80% average CPU utilization.
 */
function hpaResourceMetrics(hpa: KubernetesObject): ResourceMetric[] {
  const metrics = hpa.spec?.metrics;
  if (Array.isArray(metrics) && metrics.length > 0) {
    const out: ResourceMetric[] = [];
    metrics.forEach((m: any, i: number) => {
      if (m?.type === 'Resource' && RESOURCES.has(m.resource?.name)) {
        out.push({ scaler: hpa, resource: m.resource.name, path: `spec.metrics[${i}].resource.name` });
      } else if (m?.type === 'ContainerResource' && RESOURCES.has(m.containerResource?.name)) {
        out.push({
          scaler: hpa,
          resource: m.containerResource.name,
          container: m.containerResource.container,
          path: `spec.metrics[${i}].containerResource.name`,
        });
      }
    });
    return out;
  }
  if (hpa.spec?.targetCPUUtilizationPercentage !== undefined) {
    return [{ scaler: hpa, resource: 'cpu', path: 'spec.targetCPUUtilizationPercentage' }];
  }
  return [{ scaler: hpa, resource: 'cpu', path: 'spec' }];
}

/** KEDA `cpu`/`memory` triggers (KEDA turns them into HPA Resource/ContainerResource metrics). */
function scaledObjectResourceMetrics(so: KubernetesObject): ResourceMetric[] {
  const triggers = Array.isArray(so.spec?.triggers) ? so.spec.triggers : [];
  const out: ResourceMetric[] = [];
  triggers.forEach((t: any, i: number) => {
    if (RESOURCES.has(t?.type)) {
      out.push({ scaler: so, resource: t.type, container: t.metadata?.containerName, path: `spec.triggers[${i}]` });
    }
  });
  return out;
}

function scalerName(o: KubernetesObject): string {
  return `${o.kind === 'ScaledObject' ? 'KEDA ScaledObject' : 'HPA'} '${o.metadata.name}'`;
}

function describeMetrics(metrics: ResourceMetric[]): string {
  const byScaler = new Map<KubernetesObject, string[]>();
  for (const m of metrics) {
    const list = byScaler.get(m.scaler) ?? [];
    const what = m.container ? `${m.resource} of container '${m.container}'` : m.resource;
    if (!list.includes(what)) list.push(what);
    byScaler.set(m.scaler, list);
  }
  return [...byScaler].map(([s, what]) => `${scalerName(s)} scales on ${what.join(' and ')}`).join(', ');
}

/**
 * hpa-vpa-conflict: the workload is not scaled both by an HPA on cpu or memory and by a VPA
 * whose updateMode is not Off that controls the same resource: the VPA changes the requests the
 * HPA's utilization is measured against, and the two chase each other. Not applicable to kinds
 * an HPA cannot scale (DaemonSets, Jobs, CronJobs, bare Pods).
 *
 * Overlap is per resource and container: the VPA's container policy (by name, else `*`) with
 * mode Off controls nothing, `controlledResources` defaults to cpu and memory; a
 * `ContainerResource` metric conflicts only with a VPA controlling that container.
 *
 * When VPAs cannot be read the check still decides if no HPA (or KEDA ScaledObject) scales the
 * workload on cpu or memory: there is nothing a VPA could conflict with. If one does, the answer
 * is `unknown`, except when the API reported the VPA kind not served (404: not installed, so no
 * VPA exists). Symmetrically, unreadable HPAs are no obstacle when no active VPA targets it.
 */
export const hpaVpaConflict = createReadinessCheck({
  id: 'hpa-vpa-conflict',
  domain: 'resources-scaling',
  severity: 'high',
  scope: 'workload',
  title: 'HPA and VPA do not act on the same resource',
  rationale:
    'An HPA on cpu or memory utilization measures usage against the requests a VPA keeps rewriting: the VPA raises requests, utilization drops, the HPA scales in, usage per pod rises, and the two oscillate instead of converging.',
  remediation: {
    text: 'Let the HPA scale on a custom or external metric (requests per second, queue length), or keep the VPA in recommendation mode (updateMode: Off), or restrict the VPA to the resource the HPA does not use.',
    snippet: `apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: cart
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: cart
  updatePolicy:
    updateMode: "Auto"
  resourcePolicy:
    containerPolicies:
      - containerName: "*"
        controlledResources: ["memory"]   # the HPA scales on cpu`,
  },
  evaluate({ workload, relations, index }) {
    if (!SCALABLE_KINDS.has(workload.ref.kind)) {
      return { status: 'not-applicable', message: `no HorizontalPodAutoscaler can scale a ${workload.ref.kind}, so nothing can conflict with a VPA` };
    }
    const scaledObjects = relations.scaledObjects;
    const kedaNames = new Set(scaledObjects.map(s => s.metadata.name));
    // KEDA's own HPA (owned by a ScaledObject already counted) would repeat its triggers.
    const hpas = relations.horizontalPodAutoscalers.filter(
      h => !(h.metadata.ownerReferences ?? []).some(r => r.kind === 'ScaledObject' && kedaNames.has(r.name)),
    );
    const metrics = [...hpas.flatMap(hpaResourceMetrics), ...scaledObjects.flatMap(scaledObjectResourceMetrics)];
    const hpaAccess = kindAccess(index, 'horizontalpodautoscalers');
    const vpaAccess = kindAccess(index, 'verticalpodautoscalers');

    const activeVpas = relations.verticalPodAutoscalers.filter(v => vpaUpdateMode(v) !== 'Off');
    const offVpas = relations.verticalPodAutoscalers.filter(v => vpaUpdateMode(v) === 'Off');
    const offNote = offVpas.length ? `; VPA ${quoteNames(offVpas.map(v => v.metadata.name))} only recommends (updateMode Off)` : '';

    if (metrics.length === 0) {
      if (hpaAccess.state === 'unreadable') {
        if (vpaAccess.state !== 'unreadable' && activeVpas.length === 0) {
          return { status: 'pass', message: `no VPA acting on its pods targets it, so no HPA can conflict with one${offNote}` };
        }
        return {
          status: 'unknown',
          message: `HorizontalPodAutoscalers could not be read (${hpaAccess.missing.reason}) to compare with ${
            activeVpas.length ? `VPA ${quoteNames(activeVpas.map(v => v.metadata.name))}` : 'its VPAs'
          }`,
        };
      }
      const scalers = [...hpas, ...scaledObjects];
      return {
        status: 'pass',
        message: scalers.length
          ? `${quoteNames(scalers.map(s => s.metadata.name))} ${scalers.length === 1 ? 'scales' : 'scale'} it on metrics other than cpu or memory, which a VPA does not distort`
          : 'no HorizontalPodAutoscaler scales it on cpu or memory',
      };
    }

    const scaling = describeMetrics(metrics);
    if (vpaAccess.state === 'absent') {
      return { status: 'pass', message: `${scaling}; VerticalPodAutoscalers are not served in this cluster, so no VPA acts on it` };
    }
    if (vpaAccess.state === 'unreadable') {
      return {
        status: 'unknown',
        message: `${scaling}, but VerticalPodAutoscalers could not be read (${vpaAccess.missing.reason}) to rule out a VPA on the same resource`,
      };
    }

    const containers = containersOf(workload, { sidecars: true });
    const conflicts: Array<{ metric: ResourceMetric; vpa: KubernetesObject; containers: string[] }> = [];
    for (const vpa of activeVpas) {
      for (const metric of metrics) {
        const hit = containers
          .filter(c => metric.container === undefined || c.name === metric.container)
          .filter(c => {
            const policy = vpaContainerPolicy(vpa, c.name);
            return policy.mode !== 'Off' && policy.controlledResources.includes(metric.resource);
          })
          .map(c => c.name);
        if (hit.length > 0) conflicts.push({ metric, vpa, containers: hit });
      }
    }

    if (conflicts.length === 0) {
      let note = '';
      if (activeVpas.length) note = `; VPA ${quoteNames(activeVpas.map(v => v.metadata.name))} does not control that resource`;
      else if (relations.verticalPodAutoscalers.length === 0) note = '; no VPA targets it';
      return { status: 'pass', message: `${scaling}${note}${offNote}` };
    }

    const seen = new Set<string>();
    const parts: string[] = [];
    const evidence: CheckEvidence[] = [];
    for (const c of conflicts) {
      const key = `${c.metric.scaler.metadata.uid ?? c.metric.scaler.metadata.name}|${c.vpa.metadata.name}|${c.metric.resource}`;
      if (seen.has(key)) continue;
      seen.add(key);
      parts.push(
        `${scalerName(c.metric.scaler)} scales on ${c.metric.resource} while VPA '${c.vpa.metadata.name}' (updateMode ${vpaUpdateMode(
          c.vpa,
        )}) sets the ${c.metric.resource} requests of ${quoteNames(c.containers)}`,
      );
      evidence.push(objectEvidence(c.metric.scaler, c.metric.path), objectEvidence(c.vpa, 'spec.updatePolicy.updateMode'));
    }
    const unique = evidence.filter((e, i) => evidence.findIndex(o => JSON.stringify(o) === JSON.stringify(e)) === i);
    return { status: 'fail', message: parts.join('; '), evidence: unique };
  },
});
