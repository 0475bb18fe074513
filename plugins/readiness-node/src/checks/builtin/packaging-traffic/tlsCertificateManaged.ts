import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { unreadableKinds } from './traffic';

/** Annotations by which cert-manager's ingress-shim issues the Ingress's TLS secrets. */
const ISSUER_ANNOTATIONS = [
  'cert-manager.io/cluster-issuer',
  'cert-manager.io/issuer',
  // cert-manager before v0.11
  'certmanager.k8s.io/cluster-issuer',
  'certmanager.k8s.io/issuer',
];

const EXPIRY_MARGIN_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

function issuerAnnotation(ing: KubernetesObject): string | undefined {
  const annotations = ing.metadata.annotations ?? {};
  return ISSUER_ANNOTATIONS.find(a => typeof annotations[a] === 'string' && annotations[a].trim() !== '');
}

function readyCondition(cert: KubernetesObject): any {
  const conditions: any[] = Array.isArray(cert.status?.conditions) ? cert.status.conditions : [];
  return conditions.find(c => c?.type === 'Ready');
}

/** tls-certificate-managed: certificates renew themselves and never expire in production. */
export const tlsCertificateManaged = createReadinessCheck({
  id: 'tls-certificate-managed',
  domain: 'packaging-traffic',
  severity: 'medium',
  scope: 'workload',
  title: 'TLS certificates are issued and renewed by cert-manager',
  rationale:
    'A certificate pasted into a Secret by hand expires on a date nobody watches and takes the service down; cert-manager renews it ahead of time, and a Certificate that is not Ready or close to expiry means renewal is already failing.',
  remediation: {
    text: 'Let cert-manager issue every TLS secret of the Ingress (a Certificate naming the secret, or an issuer annotation on the Ingress), then fix the issuer or the ACME challenge until the Certificate is Ready.',
    snippet: `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: cart-tls
  namespace: shop
spec:
  secretName: cart-tls
  dnsNames:
    - cart.example.com
  issuerRef:
    kind: ClusterIssuer
    name: letsencrypt-prod
  renewBefore: 720h`,
  },
  evaluate({ workload, index, relations, now }) {
    const unreadable = unreadableKinds(index, ['services', 'ingresses']);
    if (unreadable) return unreadable;
    const ingresses = relations.ingresses;
    if (ingresses.length === 0) {
      return { status: 'not-applicable', message: "no Ingress routes to the workload's Services" };
    }
    // Each TLS secret once, with the Ingresses (and tls entries) that serve it.
    const secrets = new Map<string, Array<{ ing: KubernetesObject; path: string }>>();
    for (const ing of ingresses) {
      const tls: any[] = Array.isArray(ing.spec?.tls) ? ing.spec.tls : [];
      tls.forEach((t, i) => {
        const secretName = t?.secretName;
        if (typeof secretName !== 'string' || !secretName) return;
        const users = secrets.get(secretName) ?? [];
        users.push({ ing, path: `spec.tls[${i}].secretName` });
        secrets.set(secretName, users);
      });
    }
    if (secrets.size === 0) {
      return {
        status: 'not-applicable',
        message: 'no Ingress routing to the workload names a TLS secret (ingress-tls reports missing TLS)',
      };
    }
    const certificatesMissing = index.missing('certificates');
    if (certificatesMissing) {
      return {
        status: 'unknown',
        message: `cannot read certificates in cluster ${index.cluster} to check TLS secret(s) ${[...secrets.keys()].join(', ')}: ${certificatesMissing.reason}`,
      };
    }

    const certificates = index.list('Certificate', workload.ref.namespace);
    const deadline = now.getTime() + EXPIRY_MARGIN_DAYS * DAY_MS;
    const failures: string[] = [];
    const failEvidence: CheckEvidence[] = [];
    const unknowns: string[] = [];
    const unknownEvidence: CheckEvidence[] = [];
    let byAnnotation = 0;
    let byCertificate = 0;
    for (const [secretName, users] of secrets) {
      const issuing = certificates.filter(c => c.spec?.secretName === secretName);
      if (issuing.length === 0) {
        if (users.some(u => issuerAnnotation(u.ing))) {
          byAnnotation += 1; // ingress-shim issues it
          continue;
        }
        const ingressNames = [...new Set(users.map(u => `'${u.ing.metadata.name}'`))].join(', ');
        failures.push(
          `TLS secret '${secretName}' of Ingress ${ingressNames} is not issued by cert-manager (no Certificate names it and the Ingress has no cert-manager.io/cluster-issuer or cert-manager.io/issuer annotation)`,
        );
        failEvidence.push(...users.map(u => objectEvidence(u.ing, u.path)));
        continue;
      }
      byCertificate += issuing.length;
      for (const cert of issuing) {
        const what = `Certificate '${cert.metadata.name}' (secret '${secretName}')`;
        const ready = readyCondition(cert);
        if (ready?.status !== 'True') {
          const why = [ready?.reason, ready?.message].filter((s): s is string => typeof s === 'string' && !!s).join(': ');
          failures.push(`${what} is not Ready${why ? ` (${why})` : ''}`);
          failEvidence.push(objectEvidence(cert, 'status.conditions'));
          continue;
        }
        const notAfter = typeof cert.status?.notAfter === 'string' ? Date.parse(cert.status.notAfter) : NaN;
        if (Number.isNaN(notAfter)) {
          unknowns.push(`${what} is Ready but has no readable status.notAfter`);
          unknownEvidence.push(objectEvidence(cert, 'status.notAfter'));
        } else if (notAfter <= now.getTime()) {
          failures.push(`${what} expired on ${cert.status.notAfter}`);
          failEvidence.push(objectEvidence(cert, 'status.notAfter'));
        } else if (notAfter <= deadline) {
          const days = Math.floor((notAfter - now.getTime()) / DAY_MS);
          failures.push(
            `${what} expires on ${cert.status.notAfter}, in ${days} day(s), within ${EXPIRY_MARGIN_DAYS} days`,
          );
          failEvidence.push(objectEvidence(cert, 'status.notAfter'));
        }
      }
    }
    if (failures.length > 0) return { status: 'fail', message: failures.join('; '), evidence: failEvidence };
    if (unknowns.length > 0) return { status: 'unknown', message: unknowns.join('; '), evidence: unknownEvidence };
    return {
      status: 'pass',
      message: `TLS secret(s) ${[...secrets.keys()].join(', ')} are issued by cert-manager: ${[
        byCertificate > 0 ? `${byCertificate} Certificate(s) Ready and valid for more than ${EXPIRY_MARGIN_DAYS} days` : '',
        byAnnotation > 0 ? `${byAnnotation} secret(s) through an issuer annotation on the Ingress` : '',
      ]
        .filter(Boolean)
        .join(', ')}`,
    };
  },
});
