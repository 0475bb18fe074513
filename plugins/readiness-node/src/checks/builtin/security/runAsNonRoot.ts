import { createReadinessCheck } from '../../types';
import {
  ContainerFinding,
  allContainers,
  effectiveField,
  EffectiveField,
  isBoolean,
  isInteger,
  judgeContainers,
} from './containerSecurity';

function where(field: EffectiveField<unknown>): string {
  return field.from === 'pod'
    ? 'in the pod securityContext'
    : 'in its securityContext';
}

/** run-as-non-root: a container escape starts as an unprivileged user, not as root. */
export const runAsNonRoot = createReadinessCheck({
  id: 'run-as-non-root',
  domain: 'security',
  severity: 'critical',
  scope: 'workload',
  title: 'Every container runs as a non-root user',
  rationale:
    'A process running as root inside a container is root on the node as soon as it escapes the container or reaches a host mount; requiring a non-root user removes the most common escalation path.',
  remediation: {
    text: 'Set runAsNonRoot: true (and a non-zero runAsUser the image supports) in the pod securityContext, and do not override it with runAsUser: 0 or runAsNonRoot: false in any container or init container.',
    snippet: `spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    runAsGroup: 10001
  containers:
    - name: app
      securityContext:
        runAsNonRoot: true`,
  },
  evaluate({ workload }) {
    return judgeContainers(
      workload,
      (entry): ContainerFinding | undefined => {
        // The container's securityContext overrides the pod's, field by field.
        const user = effectiveField(workload, entry, 'runAsUser', isInteger);
        const nonRoot = effectiveField(
          workload,
          entry,
          'runAsNonRoot',
          isBoolean,
        );
        if (user.value === 0) {
          const refused =
            nonRoot.value === true
              ? '; with runAsNonRoot: true the kubelet refuses to start it'
              : '';
          return {
            entry,
            one: `runs as root (runAsUser: 0 ${where(user)}${refused})`,
            many: `run as root (runAsUser: 0 ${where(user)}${refused})`,
            path: user.path!,
          };
        }
        if (nonRoot.value === false) {
          return {
            entry,
            one: `sets runAsNonRoot: false ${where(nonRoot)}`,
            many: `set runAsNonRoot: false ${where(nonRoot)}`,
            path: nonRoot.path!,
          };
        }
        if (nonRoot.value === true) return undefined;
        if (user.value !== undefined && user.value > 0) return undefined;
        return {
          entry,
          one: "sets neither runAsNonRoot: true nor runAsUser > 0 (pod or container): the image's USER decides, often root",
          many: "set neither runAsNonRoot: true nor runAsUser > 0 (pod or container): the image's USER decides, often root",
          path: `${entry.path}.securityContext`,
        };
      },
      entries =>
        allContainers(
          entries,
          'runs as a non-root user',
          'run as a non-root user',
        ),
    );
  },
});
