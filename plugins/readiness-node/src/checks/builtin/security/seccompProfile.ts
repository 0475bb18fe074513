import { createReadinessCheck } from '../../types';
import {
  ContainerFinding,
  allContainers,
  effectiveField,
  judgeContainers,
  podSecurityContext,
  record,
} from './containerSecurity';

interface SeccompProfile {
  type: string;
  localhostProfile?: unknown;
}

const isProfile = (v: unknown): v is SeccompProfile =>
  typeof record(v).type === 'string';

const LEGACY_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const LEGACY_CONTAINER_ANNOTATION =
  'container.seccomp.security.alpha.kubernetes.io/';

/** seccomp-profile: the kernel only accepts the system calls a container plausibly needs. */
export const seccompProfile = createReadinessCheck({
  id: 'seccomp-profile',
  domain: 'security',
  severity: 'medium',
  scope: 'workload',
  title: 'Every container runs with a seccomp profile',
  rationale:
    'Without a seccomp profile a container may call every system call of the shared kernel, including the ones most kernel exploits and container escapes rely on; RuntimeDefault blocks them at no cost for ordinary services.',
  remediation: {
    text: 'Set seccompProfile type RuntimeDefault (or Localhost with a profile on the nodes) in the pod securityContext, and make sure no container overrides it with Unconfined.',
    snippet: `spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  # or, with a profile installed under the kubelet's seccomp directory:
  # securityContext:
  #   seccompProfile:
  #     type: Localhost
  #     localhostProfile: profiles/app.json`,
  },
  evaluate({ workload }) {
    const annotations = record(workload.template?.metadata?.annotations);
    const podProfile = record(podSecurityContext(workload).seccompProfile);
    return judgeContainers(
      workload,
      (entry): ContainerFinding | undefined => {
        // The container's seccompProfile overrides the pod's.
        const profile = effectiveField(
          workload,
          entry,
          'seccompProfile',
          isProfile,
        );
        const where =
          profile.from === 'pod'
            ? 'in the pod securityContext'
            : 'in its securityContext';
        const type = profile.value?.type;
        if (type === 'RuntimeDefault') return undefined;
        if (type === 'Localhost') {
          const file = profile.value?.localhostProfile;
          if (typeof file === 'string' && file.trim()) return undefined;
          return {
            entry,
            one: `sets seccompProfile type Localhost without a localhostProfile ${where}`,
            many: `set seccompProfile type Localhost without a localhostProfile ${where}`,
            path: `${profile.path}.localhostProfile`,
          };
        }
        if (type === 'Unconfined') {
          const overrides =
            profile.from === 'container' && isProfile(podProfile)
              ? `, overriding the pod's ${podProfile.type}`
              : '';
          return {
            entry,
            one: `runs Unconfined (seccompProfile type Unconfined ${where}${overrides})`,
            many: `run Unconfined (seccompProfile type Unconfined ${where}${overrides})`,
            path: `${profile.path}.type`,
          };
        }
        if (type !== undefined) {
          return {
            entry,
            one: `sets an unsupported seccompProfile type "${type}" ${where}`,
            many: `set an unsupported seccompProfile type "${type}" ${where}`,
            path: `${profile.path}.type`,
          };
        }
        const legacy =
          annotations[LEGACY_POD_ANNOTATION] !== undefined ||
          annotations[`${LEGACY_CONTAINER_ANNOTATION}${entry.name}`] !==
            undefined
            ? '; the deprecated seccomp annotation no longer takes effect'
            : '';
        const text = `seccompProfile at pod or container level (Unconfined unless the kubelet runs with --seccomp-default)${legacy}`;
        return {
          entry,
          one: `has no ${text}`,
          many: `have no ${text}`,
          path: `${entry.path}.securityContext.seccompProfile`,
        };
      },
      entries =>
        allContainers(
          entries,
          'runs with a RuntimeDefault or Localhost seccomp profile',
          'run with a RuntimeDefault or Localhost seccomp profile',
        ),
    );
  },
});
