import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import {
  describeIdentifier,
  identityMatch,
  LabelValueMatcher,
  labelMatchers,
  namespaceMatchers,
  promqlMatchers,
} from './promql';
import { workloadIdentifiers } from './workloadIdentifiers';

/** One alerting rule of a PrometheusRule, with the matchers of its expr and static labels. */
interface AlertRule {
  rule: KubernetesObject;
  alert: string;
  /** e.g. `spec.groups[0].rules[2]` */
  path: string;
  matchers: LabelValueMatcher[];
}

/** Every alert of every PrometheusRule in the cluster, parsed once per cluster. */
function alertRules(index: ClusterIndex): AlertRule[] {
  return index.memoize('observability/alerting-rules/alerts', () => {
    const out: AlertRule[] = [];
    for (const rule of index.list('PrometheusRule')) {
      const groups = Array.isArray(rule.spec?.groups) ? rule.spec.groups : [];
      groups.forEach((group: any, g: number) => {
        const rules = Array.isArray(group?.rules) ? group.rules : [];
        rules.forEach((r: any, i: number) => {
          if (typeof r?.alert !== 'string' || r.alert === '') return;
          out.push({
            rule,
            alert: r.alert,
            path: `spec.groups[${g}].rules[${i}]`,
            matchers: [...promqlMatchers(r.expr), ...labelMatchers(r.labels)],
          });
        });
      });
    }
    return out;
  });
}

/** The alerts whose expr or labels name a namespace, computed once per namespace. */
function alertsNamingNamespace(index: ClusterIndex, namespace: string): AlertRule[] {
  return index.memoize(`observability/alerting-rules/namespace/${namespace}`, () =>
    alertRules(index).filter(a => namespaceMatchers(a.matchers, namespace).length > 0),
  );
}

function describeAlert(a: AlertRule): string {
  return `alert '${a.alert}' in PrometheusRule ${a.rule.metadata.namespace}/${a.rule.metadata.name}`;
}

/** alerting-rules: someone is told when the workload misbehaves. */
export const alertingRules = createReadinessCheck({
  id: 'alerting-rules',
  domain: 'observability',
  severity: 'high',
  scope: 'workload',
  title: 'At least one alert names the workload',
  rationale:
    'Metrics nobody alerts on are read only after users complain; an alert scoped to the workload (its namespace and its name, job or service) turns a failure into a page within minutes.',
  remediation: {
    text:
      "Add a PrometheusRule with an alert whose expr selects the workload by namespace and by its name, job or service label (cluster-wide rules must name the namespace too, otherwise they fire for every namespace's 'cart').",
    snippet: `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: cart-alerts
  namespace: shop
  labels:
    release: kube-prometheus-stack   # matched by the Prometheus ruleSelector
spec:
  groups:
    - name: cart
      rules:
        - alert: CartHighErrorRate
          expr: |
            sum(rate(http_requests_total{namespace="shop", job="cart", code=~"5.."}[5m]))
              / sum(rate(http_requests_total{namespace="shop", job="cart"}[5m])) > 0.05
          for: 10m
          labels:
            severity: critical
            namespace: shop
            service: cart
          annotations:
            summary: More than 5% of cart requests fail`,
  },
  requires: ['prometheusrules'],
  evaluate({ workload, index, relations }) {
    const namespace = workload.ref.namespace;
    const identifiers = workloadIdentifiers(workload, relations);
    const named = identifiers.map(describeIdentifier).join(', ');

    const naming = alertsNamingNamespace(index, namespace)
      .map(a => ({ alert: a, match: identityMatch(a.matchers, identifiers) }))
      .filter(x => x.match !== undefined);
    if (naming.length > 0) {
      const [{ alert, match }] = naming;
      const more = naming.length > 1 ? ` (and ${naming.length - 1} more)` : '';
      return {
        status: 'pass',
        message: `${describeAlert(alert)} names namespace '${namespace}' and ${describeIdentifier(match!.identifier)}${more}`,
        evidence: naming.slice(0, 5).map(x => objectEvidence(x.alert.rule, x.alert.path)),
      };
    }

    const all = alertRules(index);
    // Alerts that name the workload but not its namespace would fire for any namespace's workload of that name.
    const nearMisses = all
      .map(a => ({ alert: a, match: identityMatch(a.matchers, identifiers) }))
      .filter(x => x.match !== undefined)
      .slice(0, 3);
    const base = `no PrometheusRule alert names namespace '${namespace}' together with the workload (${named})`;
    if (nearMisses.length > 0) {
      return {
        status: 'fail',
        message: `${base}: ${nearMisses
          .map(x => `${describeAlert(x.alert)} names ${describeIdentifier(x.match!.identifier)} but not namespace '${namespace}'`)
          .join('; ')}`,
        evidence: nearMisses.map(x => objectEvidence(x.alert.rule, `${x.alert.path}.expr`)),
      };
    }
    const rules = index.list('PrometheusRule').length;
    return {
      status: 'fail',
      message:
        rules === 0
          ? `${base}: the cluster has no PrometheusRule`
          : `${base}: none of the ${all.length} alert(s) in ${rules} PrometheusRule(s) selects it`,
    };
  },
});
