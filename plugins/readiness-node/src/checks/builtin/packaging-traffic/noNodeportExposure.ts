import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { unreadableKinds } from './traffic';

const EXPOSURE = 'prodready.dev/exposure';

/** no-nodeport-exposure: the service is reached through an Ingress or a deliberate load balancer only. */
export const noNodeportExposure = createReadinessCheck({
  id: 'no-nodeport-exposure',
  domain: 'packaging-traffic',
  severity: 'medium',
  scope: 'workload',
  title: 'No NodePort Service or undeclared LoadBalancer exposes the pods',
  rationale:
    'A NodePort opens the service on every node of the cluster, past the Ingress with its TLS, authentication and rate limits; an unplanned LoadBalancer does the same with a public address.',
  remediation: {
    text: 'Use a ClusterIP Service behind an Ingress; keep a LoadBalancer only where public exposure is intended, and declare it with the annotation prodready.dev/exposure: public.',
    snippet: `apiVersion: v1
kind: Service
metadata:
  name: cart
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: cart
  ports:
    - name: http
      port: 80
      targetPort: http
---
# only where exposure on a public address is intended
apiVersion: v1
kind: Service
metadata:
  name: cart-public
  annotations:
    prodready.dev/exposure: public
spec:
  type: LoadBalancer
  selector:
    app.kubernetes.io/name: cart
  ports:
    - name: https
      port: 443
      targetPort: https`,
  },
  evaluate({ index, relations }) {
    const unreadable = unreadableKinds(index, ['services']);
    if (unreadable) return unreadable;
    const services = relations.services;
    if (services.length === 0) return { status: 'pass', message: "no Service selects the workload's pods" };
    const findings = services.flatMap(svc => {
      const type = svc.spec?.type;
      const name = `Service '${svc.metadata.name}'`;
      if (type === 'NodePort') {
        const ports: any[] = Array.isArray(svc.spec?.ports) ? svc.spec.ports : [];
        const nodePorts = ports.map(p => p?.nodePort).filter((p): p is number => typeof p === 'number');
        return [
          {
            svc,
            text: `${name} is of type NodePort${nodePorts.length > 0 ? ` (node port ${nodePorts.join(', ')} on every node)` : ''}`,
          },
        ];
      }
      if (type === 'LoadBalancer') {
        const exposure = svc.metadata.annotations?.[EXPOSURE];
        if (typeof exposure === 'string' && exposure.trim().toLowerCase() === 'public') return [];
        return [{ svc, text: `${name} is of type LoadBalancer without annotation ${EXPOSURE}: public` }];
      }
      return [];
    });
    if (findings.length === 0) {
      return {
        status: 'pass',
        message: `none of the ${services.length} Service(s) selecting the pods is a NodePort or an undeclared LoadBalancer`,
      };
    }
    return {
      status: 'fail',
      message: findings.map(f => f.text).join('; '),
      evidence: findings.map(f => objectEvidence(f.svc, 'spec.type')),
    };
  },
});
