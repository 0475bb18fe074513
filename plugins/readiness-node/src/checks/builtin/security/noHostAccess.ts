import { createReadinessCheck } from '../../types';
import { podSpecField } from '../../util';
import {
  containerLabel,
  containerSecurityContext,
  noContainers,
  pathEvidence,
  podSpecOf,
  record,
  securityContainers,
} from './containerSecurity';

interface Violation {
  text: string;
  path: string;
}

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** no-host-access: a pod stays inside its sandbox instead of sharing the node's. */
export const noHostAccess = createReadinessCheck({
  id: 'no-host-access',
  domain: 'security',
  severity: 'critical',
  scope: 'workload',
  title: "Pods do not share the host's namespaces, filesystem or ports",
  rationale:
    "A privileged container, the node's network, PID or IPC namespace, a hostPath volume or a hostPort each hands the pod part of the node: one compromised service then reaches every pod and secret on that node.",
  remediation: {
    text: 'Remove privileged: true, hostNetwork, hostPID, hostIPC, hostPath volumes and hostPort from the pod template; expose ports through a Service and keep data in emptyDir or PersistentVolumeClaims.',
    snippet: `spec:
  hostNetwork: false
  hostPID: false
  hostIPC: false
  containers:
    - name: app
      ports:
        - name: http
          containerPort: 8080   # no hostPort; reach it through a Service
      securityContext:
        privileged: false
  volumes:
    - name: cache
      emptyDir: {}              # instead of hostPath`,
  },
  evaluate({ workload }) {
    const spec = podSpecOf(workload);
    const violations: Violation[] = [];
    for (const field of HOST_NAMESPACES) {
      if (spec[field] === true) {
        violations.push({
          text: `${field}: true`,
          path: podSpecField(workload, field),
        });
      }
    }
    const volumes: unknown[] = Array.isArray(spec.volumes) ? spec.volumes : [];
    volumes.forEach((v, i) => {
      const volume = record(v);
      if (volume.hostPath === undefined || volume.hostPath === null) return;
      const hostPath = record(volume.hostPath).path;
      const target = typeof hostPath === 'string' ? ` (${hostPath})` : '';
      violations.push({
        text: `hostPath volume '${volume.name ?? `#${i}`}'${target}`,
        path: podSpecField(workload, `volumes[${i}].hostPath`),
      });
    });
    const containers = securityContainers(workload);
    for (const entry of containers) {
      if (containerSecurityContext(entry).privileged === true) {
        violations.push({
          text: `${containerLabel(entry)} is privileged`,
          path: `${entry.path}.securityContext.privileged`,
        });
      }
      const ports: unknown[] = Array.isArray(record(entry.container).ports)
        ? entry.container.ports
        : [];
      ports.forEach((p, j) => {
        const port = record(p);
        const hostPort = port.hostPort;
        if (
          hostPort === undefined ||
          hostPort === null ||
          Number(hostPort) === 0
        ) {
          return;
        }
        violations.push({
          text: `${containerLabel(entry)} binds hostPort ${hostPort}`,
          path: `${entry.path}.ports[${j}].hostPort`,
        });
      });
    }
    if (violations.length > 0) {
      return {
        status: 'fail',
        message: `the pod reaches into the host: ${violations
          .map(v => `${v.text} at ${v.path}`)
          .join('; ')}`,
        evidence: pathEvidence(
          workload,
          violations.map(v => v.path),
        ),
      };
    }
    if (containers.length === 0) return noContainers();
    return {
      status: 'pass',
      message:
        'no privileged container, host namespace, hostPath volume or hostPort',
    };
  },
});
