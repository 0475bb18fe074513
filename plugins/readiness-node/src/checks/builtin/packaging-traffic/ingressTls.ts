import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { tlsHostCovers, unreadableKinds } from './traffic';

/** ingress-tls: traffic from outside the cluster is encrypted for every host it is served on. */
export const ingressTls = createReadinessCheck({
  id: 'ingress-tls',
  domain: 'packaging-traffic',
  severity: 'high',
  scope: 'workload',
  title: 'Every Ingress to the service terminates TLS for all its hosts',
  rationale:
    'A host served without TLS sends credentials, cookies and personal data in clear text across networks you do not control, and browsers flag it; one forgotten host in an otherwise encrypted Ingress is enough.',
  remediation: {
    text: 'List every host of the Ingress under spec.tls with a certificate Secret (issued by cert-manager), so the controller serves HTTPS for each of them.',
    snippet: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: cart
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-prod
spec:
  ingressClassName: nginx
  tls:
    - hosts:
        - cart.example.com
        - api.cart.example.com
      secretName: cart-tls
  rules:
    - host: cart.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: cart
                port:
                  name: http`,
  },
  evaluate({ index, relations }) {
    const unreadable = unreadableKinds(index, ['services', 'ingresses']);
    if (unreadable) return unreadable;
    const ingresses = relations.ingresses;
    if (ingresses.length === 0) {
      return { status: 'not-applicable', message: "no Ingress routes to the workload's Services" };
    }
    const findings: string[] = [];
    const evidence: CheckEvidence[] = [];
    for (const ing of ingresses) {
      const name = `Ingress '${ing.metadata.name}'`;
      const tls: any[] = Array.isArray(ing.spec?.tls) ? ing.spec.tls.filter((t: any) => t && typeof t === 'object') : [];
      const tlsHosts: string[] = tls.flatMap(t => (Array.isArray(t.hosts) ? t.hosts : [])).filter((h: unknown): h is string => typeof h === 'string');
      // A tls entry without hosts covers the controller's default (catch-all) host.
      const coversAnyHost = tls.some(t => !Array.isArray(t.hosts) || t.hosts.length === 0);
      const rules: any[] = Array.isArray(ing.spec?.rules) ? ing.spec.rules : [];
      const hosts = rules
        .map((r, i) => ({ rule: r, host: typeof r?.host === 'string' && r.host ? r.host : undefined, path: `spec.rules[${i}].host` }))
        .filter(h => h.rule && typeof h.rule === 'object');
      if (hosts.length === 0 && ing.spec?.defaultBackend) hosts.push({ rule: ing.spec.defaultBackend, host: undefined, path: 'spec.defaultBackend' });
      if (tls.length === 0) {
        const named = [...new Set(hosts.map(h => h.host).filter(Boolean))];
        findings.push(`${name} serves ${named.length > 0 ? named.join(', ') : 'every host'} without TLS (no spec.tls)`);
        evidence.push(objectEvidence(ing, 'spec.tls'));
        continue;
      }
      const uncovered = hosts.filter(h => (h.host ? !tlsHosts.some(t => tlsHostCovers(t, h.host!)) : !coversAnyHost));
      const seen = new Set<string>();
      for (const h of uncovered) {
        const key = h.host ?? '*';
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(
          h.host
            ? `${name} has no TLS for host ${h.host}`
            : `${name} routes requests for any host (a rule without host) but no spec.tls entry without hosts covers them`,
        );
        evidence.push(objectEvidence(ing, h.path));
      }
    }
    if (findings.length === 0) {
      return {
        status: 'pass',
        message: `${ingresses.length} Ingress(es) routing to the workload terminate TLS for every host (${ingresses.map(i => i.metadata.name).join(', ')})`,
      };
    }
    return { status: 'fail', message: findings.join('; '), evidence };
  },
});
