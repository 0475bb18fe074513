import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { KubernetesObject } from '../../../objects';
import { matchesLabelSelector, selectorRequirements } from '../../../selectors';
import { createReadinessCheck } from '../../types';
import { objectEvidence, workloadEvidence } from '../../util';

const SCRAPE_ANNOTATION = 'prometheus.io/scrape';

function qualified(obj: KubernetesObject): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

function quoteList(names: string[]): string {
  return names.map(n => `'${n}'`).join(', ');
}

/** metrics-scraped: the workload's metrics reach Prometheus. */
export const metricsScraped = createReadinessCheck({
  id: 'metrics-scraped',
  domain: 'observability',
  severity: 'high',
  scope: 'workload',
  title: "The workload's metrics are scraped by Prometheus",
  rationale:
    'Metrics that are never scraped cannot drive alerts, SLOs or capacity decisions; during an incident the service is a black box.',
  remediation: {
    text:
      "Create a ServiceMonitor selecting the workload's Service by its labels and naming its metrics port (label it so your Prometheus' serviceMonitorSelector picks it up), or a PodMonitor selecting the pods; where Prometheus uses annotation discovery, annotate the pod template with prometheus.io/scrape: \"true\".",
    snippet: `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: cart
  namespace: shop
  labels:
    release: kube-prometheus-stack   # matched by the Prometheus serviceMonitorSelector
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: cart   # the Service's labels
  endpoints:
    - port: http-metrics             # a named port of the Service
      path: /metrics
      interval: 30s`,
  },
  // No `requires`: the scrape annotation lets the check pass without the Prometheus Operator CRDs;
  // it answers `unknown` itself when it cannot pass and those CRDs could not be read.
  evaluate({ workload, index, relations }) {
    const services = relations.services;

    const serviceMonitor = relations.serviceMonitors[0];
    if (serviceMonitor) {
      const scraped = services.filter(s => matchesLabelSelector(serviceMonitor.spec?.selector, s.metadata.labels));
      return {
        status: 'pass',
        message: `ServiceMonitor ${qualified(serviceMonitor)} scrapes Service ${quoteList(scraped.map(s => s.metadata.name))}`,
        evidence: [objectEvidence(serviceMonitor, 'spec.selector'), ...scraped.map(s => objectEvidence(s))],
      };
    }

    const podMonitor = relations.podMonitors[0];
    if (podMonitor) {
      return {
        status: 'pass',
        message: `PodMonitor ${qualified(podMonitor)} scrapes the pods of ${workload.ref.kind} ${workload.ref.name}`,
        evidence: [objectEvidence(podMonitor, 'spec.selector')],
      };
    }

    const annotationsPath = workload.templatePath ? `${workload.templatePath}.metadata.annotations` : 'metadata.annotations';
    const scrape = workload.template.metadata.annotations?.[SCRAPE_ANNOTATION];
    if (scrape === 'true') {
      return {
        status: 'pass',
        message: `the pod template is annotated ${SCRAPE_ANNOTATION}: "true"`,
        evidence: [workloadEvidence(workload, `${annotationsPath}["${SCRAPE_ANNOTATION}"]`)],
      };
    }

    if (workload.batch) {
      return {
        status: 'not-applicable',
        message: `${workload.ref.kind} pods run to completion and are not reliably scraped; push their metrics to a Pushgateway or rely on kube-state-metrics`,
      };
    }

    const unreadable = ['services', 'servicemonitors', 'podmonitors']
      .map(kind => index.missing(kind))
      .filter((m): m is NonNullable<typeof m> => !!m);
    if (unreadable.length > 0) {
      return {
        status: 'unknown',
        message: `the pod template has no ${SCRAPE_ANNOTATION}: "true" annotation and ${unreadable
          .map(m => m.plural)
          .join(', ')} could not be read (${unreadable[0].reason})`,
      };
    }

    // Monitors that select a Service by its labels but whose namespaceSelector leaves this namespace out.
    const nearMisses = index.list('ServiceMonitor').filter(m => {
      const selector = m.spec?.selector;
      if (!selector || typeof selector !== 'object' || selectorRequirements(selector).length === 0) return false;
      return services.some(s => matchesLabelSelector(selector, s.metadata.labels));
    });

    const reasons: string[] = [];
    if (services.length === 0) reasons.push('no Service selects its pods (so no ServiceMonitor can)');
    else reasons.push(`no ServiceMonitor selects Service ${quoteList(services.map(s => s.metadata.name))}`);
    reasons.push('no PodMonitor selects its pods');
    reasons.push(
      scrape === undefined
        ? `the pod template has no ${SCRAPE_ANNOTATION}: "true" annotation`
        : `the pod template's ${SCRAPE_ANNOTATION} annotation is "${scrape}", not "true"`,
    );
    const hints = nearMisses.map(
      m => `ServiceMonitor ${qualified(m)} matches its Service's labels but its namespaceSelector does not cover namespace '${workload.ref.namespace}'`,
    );

    const evidence: CheckEvidence[] = [
      workloadEvidence(workload, annotationsPath),
      ...services.map(s => objectEvidence(s)),
      ...nearMisses.map(m => objectEvidence(m, 'spec.namespaceSelector')),
    ];
    return {
      status: 'fail',
      message: `${workload.ref.kind} ${workload.ref.name} is not scraped: ${reasons.join(', ')}${hints.length ? ` (${hints.join('; ')})` : ''}`,
      evidence,
    };
  },
});
