import { createReadinessCheck } from '../../types';
import {
  containerSecurityContext,
  allContainers,
  judgeContainers,
} from './containerSecurity';

/** no-privilege-escalation: a process can never gain more privileges than it started with. */
export const noPrivilegeEscalation = createReadinessCheck({
  id: 'no-privilege-escalation',
  domain: 'security',
  severity: 'high',
  scope: 'workload',
  title: 'Every container forbids privilege escalation',
  rationale:
    'Unless allowPrivilegeEscalation is false, a compromised process can gain root through setuid binaries or file capabilities in the image; the Pod Security "restricted" standard requires it to be false.',
  remediation: {
    text: 'Set allowPrivilegeEscalation: false in the securityContext of every container and init container (it cannot be set at pod level).',
    snippet: `containers:
  - name: app
    securityContext:
      allowPrivilegeEscalation: false
initContainers:
  - name: migrate
    securityContext:
      allowPrivilegeEscalation: false`,
  },
  evaluate({ workload }) {
    return judgeContainers(
      workload,
      entry => {
        const value = containerSecurityContext(entry).allowPrivilegeEscalation;
        if (value === false) return undefined;
        const path = `${entry.path}.securityContext.allowPrivilegeEscalation`;
        if (value === true) {
          return {
            entry,
            one: 'sets allowPrivilegeEscalation: true',
            many: 'set allowPrivilegeEscalation: true',
            path,
          };
        }
        return {
          entry,
          one: 'does not set allowPrivilegeEscalation: false (it defaults to true)',
          many: 'do not set allowPrivilegeEscalation: false (it defaults to true)',
          path,
        };
      },
      entries =>
        allContainers(
          entries,
          'sets allowPrivilegeEscalation: false',
          'set allowPrivilegeEscalation: false',
        ),
    );
  },
});
