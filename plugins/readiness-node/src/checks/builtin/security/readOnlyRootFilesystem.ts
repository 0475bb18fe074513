import { createReadinessCheck } from '../../types';
import {
  containerSecurityContext,
  allContainers,
  judgeContainers,
} from './containerSecurity';

/** read-only-root-filesystem: an intruder cannot drop tools or tamper with the image at run time. */
export const readOnlyRootFilesystem = createReadinessCheck({
  id: 'read-only-root-filesystem',
  domain: 'security',
  severity: 'medium',
  scope: 'workload',
  title: 'Every container has a read-only root filesystem',
  rationale:
    'A writable root filesystem lets an attacker download tools, plant binaries or alter the application in a running container, and lets the app silently depend on local state that vanishes on restart.',
  remediation: {
    text: 'Set readOnlyRootFilesystem: true on every container and init container, and mount an emptyDir wherever the process must write (/tmp, caches).',
    snippet: `containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
      - name: tmp
        mountPath: /tmp
volumes:
  - name: tmp
    emptyDir: {}`,
  },
  evaluate({ workload }) {
    return judgeContainers(
      workload,
      entry => {
        const value = containerSecurityContext(entry).readOnlyRootFilesystem;
        if (value === true) return undefined;
        const path = `${entry.path}.securityContext.readOnlyRootFilesystem`;
        if (value === false) {
          return {
            entry,
            one: 'sets readOnlyRootFilesystem: false',
            many: 'set readOnlyRootFilesystem: false',
            path,
          };
        }
        return {
          entry,
          one: 'does not set readOnlyRootFilesystem: true',
          many: 'do not set readOnlyRootFilesystem: true',
          path,
        };
      },
      entries =>
        allContainers(
          entries,
          'sets readOnlyRootFilesystem: true',
          'set readOnlyRootFilesystem: true',
        ),
    );
  },
});
