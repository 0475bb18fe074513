import { createReadinessCheck } from '../../types';
import {
  containerSecurityContext,
  ContainerFinding,
  allContainers,
  judgeContainers,
  record,
} from './containerSecurity';

/** Capabilities a container may add back after dropping ALL (as the Pod Security "restricted" standard). */
const ALLOWED_ADDS = new Set(['NET_BIND_SERVICE']);

/** `net_bind_service`, `CAP_NET_BIND_SERVICE` -> `NET_BIND_SERVICE` (runtimes accept both spellings). */
function normalize(capability: unknown): string {
  return String(capability).trim().toUpperCase().replace(/^CAP_/, '');
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** capabilities-dropped: a compromised process holds no kernel privilege it does not need. */
export const capabilitiesDropped = createReadinessCheck({
  id: 'capabilities-dropped',
  domain: 'security',
  severity: 'high',
  scope: 'workload',
  title: 'Every container drops all Linux capabilities',
  rationale:
    'Container runtimes grant a default set of Linux capabilities (NET_RAW, CHOWN, SETUID, ...) that most services never use and attackers routinely abuse; dropping ALL and adding back only NET_BIND_SERVICE leaves nothing to abuse.',
  remediation: {
    text: 'Drop ALL capabilities in the securityContext of every container and init container; add back NET_BIND_SERVICE only if the process binds a port below 1024.',
    snippet: `containers:
  - name: app
    securityContext:
      capabilities:
        drop: ["ALL"]
        # only when binding a port below 1024:
        # add: ["NET_BIND_SERVICE"]`,
  },
  evaluate({ workload }) {
    return judgeContainers(
      workload,
      (entry): ContainerFinding | undefined => {
        const path = `${entry.path}.securityContext.capabilities`;
        const capabilities = record(
          containerSecurityContext(entry).capabilities,
        );
        const drop = list(capabilities.drop).map(normalize);
        const extra = list(capabilities.add)
          .map(normalize)
          .filter(c => !ALLOWED_ADDS.has(c));
        const dropsAll = drop.includes('ALL');
        if (dropsAll && extra.length === 0) return undefined;
        const one: string[] = [];
        const many: string[] = [];
        if (!dropsAll) {
          const only = drop.length ? ` (only ${drop.join(', ')})` : '';
          one.push(`does not drop ALL capabilities${only}`);
          many.push(`do not drop ALL capabilities${only}`);
        }
        if (extra.length) {
          const added = `${extra.join(
            ', ',
          )} (only NET_BIND_SERVICE may be added)`;
          one.push(`adds ${added}`);
          many.push(`add ${added}`);
        }
        return {
          entry,
          one: one.join(' and '),
          many: many.join(' and '),
          path: dropsAll ? `${path}.add` : `${path}.drop`,
        };
      },
      entries =>
        allContainers(
          entries,
          'drops ALL capabilities and adds none beyond NET_BIND_SERVICE',
          'drop ALL capabilities and add none beyond NET_BIND_SERVICE',
        ),
    );
  },
});
