import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { KubernetesObject } from '../../../objects';
import { createReadinessCheck, entityRequired } from '../../types';
import { objectEvidence } from '../../util';
import { entityAnnotation, entityEvidence, entityName, isHttpUrl } from './catalogEntity';
import { identityMatch, LabelValueMatcher, labelMatchers, namespaceMatchers, promqlMatchers, WorkloadIdentifier } from './promql';
import { workloadIdentifiers } from './workloadIdentifiers';

const SLO_ANNOTATION = 'prodready.dev/slo';

/** A Sloth PrometheusServiceLevel, read once per cluster. */
interface ServiceLevel {
  object: KubernetesObject;
  service?: string;
  sloCount: number;
  /** Matchers of its SLI queries and static labels. */
  matchers: LabelValueMatcher[];
}

function serviceLevels(index: ClusterIndex): ServiceLevel[] {
  return index.memoize('observability/slo-defined/service-levels', () =>
    index.list('PrometheusServiceLevel').map(object => {
      const spec = object.spec ?? {};
      const slos: any[] = Array.isArray(spec.slos) ? spec.slos : [];
      const matchers: LabelValueMatcher[] = [...labelMatchers(spec.labels)];
      for (const slo of slos) {
        const sli = slo?.sli ?? {};
        matchers.push(
          ...promqlMatchers(sli.events?.errorQuery),
          ...promqlMatchers(sli.events?.totalQuery),
          ...promqlMatchers(sli.raw?.errorRatioQuery),
          ...labelMatchers(slo?.labels),
        );
        for (const option of Object.values(sli.plugin?.options ?? {})) matchers.push(...promqlMatchers(option));
      }
      return {
        object,
        service: typeof spec.service === 'string' ? spec.service : undefined,
        sloCount: slos.length,
        matchers,
      };
    }),
  );
}

/** Whether a service level is about the workload: its `service` or SLI queries name it, in its namespace. */
function targets(level: ServiceLevel, namespace: string, identifiers: WorkloadIdentifier[]): boolean {
  const named =
    (level.service !== undefined && identifiers.some(i => i.value === level.service)) ||
    identityMatch(level.matchers, identifiers) !== undefined;
  const inNamespace = level.object.metadata.namespace === namespace || namespaceMatchers(level.matchers, namespace).length > 0;
  return named && inNamespace;
}

/** slo-defined: the service has an objective to be held to. */
export const sloDefined = createReadinessCheck({
  id: 'slo-defined',
  domain: 'observability',
  severity: 'medium',
  scope: 'entity',
  title: 'The service has a service level objective',
  rationale:
    'Without an SLO nobody agrees how reliable the service must be, so alerts page on noise or miss real user pain and there is no error budget to trade against releases.',
  remediation: {
    text:
      `Define the SLO as a Sloth PrometheusServiceLevel whose spec.service names the service (in its namespace), or, when the SLO lives in another tool, link it from the catalog entity with the ${SLO_ANNOTATION} annotation (a URL).`,
    snippet: `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: cart
  namespace: shop
spec:
  service: cart
  labels:
    team: shop
  slos:
    - name: requests-availability
      objective: 99.9
      description: 99.9% of cart requests succeed
      sli:
        events:
          errorQuery: sum(rate(http_requests_total{namespace="shop", job="cart", code=~"5.."}[{{.window}}]))
          totalQuery: sum(rate(http_requests_total{namespace="shop", job="cart"}[{{.window}}]))
      alerting:
        name: CartHighErrorRate
        pageAlert:
          labels:
            severity: critical
---
# or, in catalog-info.yaml:
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
  annotations:
    ${SLO_ANNOTATION}: https://grafana.example.com/d/slo-cart`,
  },
  // No `requires`: the entity annotation lets the check pass without Sloth installed.
  evaluate({ workload, index, relations, entity }) {
    const namespace = workload.ref.namespace;
    const identifiers = workloadIdentifiers(workload, relations);
    const app = workload.template.metadata.labels?.['app.kubernetes.io/name'];
    if (app && !identifiers.some(i => i.value === app)) identifiers.push({ value: app, what: 'app' });
    if (entity) {
      const name = entityName(entity);
      if (!identifiers.some(i => i.value === name)) identifiers.push({ value: name, what: 'entity' });
    }

    const levels = serviceLevels(index);
    const targeting = levels.filter(l => targets(l, namespace, identifiers));
    const withObjectives = targeting.filter(l => l.sloCount > 0);
    if (withObjectives.length > 0) {
      const [level] = withObjectives;
      return {
        status: 'pass',
        message: `Sloth PrometheusServiceLevel ${level.object.metadata.namespace}/${level.object.metadata.name} defines ${level.sloCount} SLO(s) for service '${level.service ?? workload.ref.name}'`,
        evidence: withObjectives.map(l => objectEvidence(l.object, 'spec.slos')),
      };
    }

    const annotation = entity ? entityAnnotation(entity, SLO_ANNOTATION) : undefined;
    if (entity && annotation !== undefined) {
      if (isHttpUrl(annotation)) {
        return {
          status: 'pass',
          message: `entity ${entity.ref} links its SLO: ${annotation}`,
          evidence: [entityEvidence(entity, SLO_ANNOTATION)],
        };
      }
      return {
        status: 'fail',
        message: `entity ${entity.ref} has annotation ${SLO_ANNOTATION}: "${annotation}", which is not an http(s) URL`,
        evidence: [entityEvidence(entity, SLO_ANNOTATION)],
      };
    }

    const slothMissing = index.missing('prometheusservicelevels');
    const noLevel = `no Sloth PrometheusServiceLevel targets ${workload.ref.kind} ${namespace}/${workload.ref.name}`;
    if (slothMissing) {
      return {
        status: 'unknown',
        message: `${entity ? `entity ${entity.ref} has no ${SLO_ANNOTATION} annotation` : 'no catalog entity was given'} and PrometheusServiceLevels could not be read (${slothMissing.reason})`,
      };
    }
    if (!entity) {
      const needed = entityRequired(`annotation ${SLO_ANNOTATION}`);
      return { ...needed, message: `${noLevel}; ${needed.message}` };
    }

    const empty = targeting.filter(l => l.sloCount === 0);
    const hint = empty.length
      ? ` (PrometheusServiceLevel ${empty[0].object.metadata.namespace}/${empty[0].object.metadata.name} names it but declares no slos)`
      : '';
    return {
      status: 'fail',
      message: `${noLevel} and entity ${entity.ref} has no ${SLO_ANNOTATION} annotation${hint}`,
      evidence: [entityEvidence(entity, SLO_ANNOTATION), ...empty.map(l => objectEvidence(l.object, 'spec.slos'))],
    };
  },
});
