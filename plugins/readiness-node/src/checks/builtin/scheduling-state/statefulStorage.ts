import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { createReadinessCheck } from '../../types';
import { workloadEvidence } from '../../util';
import { plural, replicaCountOf } from './replicas';
import { describeClaims, storageOf } from './storage';

/**
 * stateful-storage: replicas must not share one claim.
 *
 * Counts the most pods that can run at once (HPA maxReplicas included: an HPA scaling a
 * one-replica Deployment shares its claim as soon as it scales). Claims mounted read-only hold
 * no state and do not count; Jobs and CronJobs run to completion and are not data stores.
 */
export const statefulStorage = createReadinessCheck({
  id: 'stateful-storage',
  domain: 'scheduling-state',
  severity: 'high',
  scope: 'workload',
  title: 'Replicated state uses StatefulSet volumeClaimTemplates',
  rationale:
    'Replicas that share one PersistentVolumeClaim either cannot start (a ReadWriteOnce volume attaches to one node only) or corrupt each other by writing the same files; a StatefulSet gives each replica its own claim and a stable identity.',
  remediation: {
    text: 'Run the workload as a StatefulSet and declare its storage in volumeClaimTemplates, so every replica gets its own PersistentVolumeClaim.',
    snippet: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
spec:
  serviceName: postgres
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: postgres
  template:
    metadata:
      labels:
        app.kubernetes.io/name: postgres
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 10Gi`,
  },
  evaluate(context) {
    const { workload, index } = context;
    if (workload.batch) {
      return { status: 'not-applicable', message: `a ${workload.ref.kind} runs to completion; it is not a data store` };
    }
    const storage = storageOf(workload, index);
    if (!storage.stateful) {
      return {
        status: 'not-applicable',
        message: storage.claims.length
          ? `stateless: mounts ${describeClaims(storage.claims)} read-only only`
          : 'stateless: mounts no PersistentVolumeClaim',
      };
    }
    const { writable, volumeClaimTemplates } = storage;
    const evidence: CheckEvidence[] = writable.map(c => workloadEvidence(workload, c.path));

    // The most pods that can mount the claims at once, and how to say it.
    let pods: number;
    let who: string;
    const replicas = replicaCountOf(context);
    if (replicas) {
      if (writable.length > 0 && replicas.ceiling <= 1 && replicas.hpasUnreadable) {
        return {
          status: 'unknown',
          message: `a single replica writes ${describeClaims(writable)}, but an HPA could scale it: ${replicas.hpasUnreadable.message}`,
          evidence,
        };
      }
      pods = replicas.ceiling;
      who = replicas.ceiling > replicas.count ? `${replicas.description}, scaling up to ${replicas.ceiling} (HPA maxReplicas),` : replicas.description;
      evidence.push(...replicas.evidence);
    } else if (workload.ref.kind === 'DaemonSet') {
      const desired = workload.object.status?.desiredNumberScheduled;
      pods = typeof desired === 'number' ? desired : 2;
      who = typeof desired === 'number' ? `${plural(desired, 'pod')} (one per node)` : 'one pod per node';
    } else {
      pods = 1;
      who = 'a single pod';
    }

    if (writable.length > 0 && pods > 1) {
      const modes = [...new Set(writable.flatMap(c => c.accessModes))];
      const modeNote = modes.length ? ` (access modes ${modes.join(', ')})` : '';
      const fix =
        workload.ref.kind === 'StatefulSet'
          ? 'declare it in volumeClaimTemplates so each replica gets its own claim'
          : 'run it as a StatefulSet with volumeClaimTemplates';
      return {
        status: 'fail',
        message:
          `${workload.ref.kind} with ${who} shares ${describeClaims(writable)}${modeNote} between all its pods: ` +
          `a ReadWriteOnce volume attaches to one node only (Multi-Attach errors), a ReadWriteMany one has every replica writing the same files; ${fix}`,
        evidence,
      };
    }

    if (writable.length > 0) {
      const singleWriter = writable.some(c => !c.accessModes.includes('ReadWriteMany'));
      const rolling = workload.ref.kind === 'Deployment' && workload.object.spec?.strategy?.type !== 'Recreate';
      const note =
        rolling && singleWriter
          ? '; note: a RollingUpdate starts the new pod while the old one holds the claim, which stalls when it lands on another node: use strategy Recreate'
          : '';
      return {
        status: 'pass',
        message: `${who} writes ${describeClaims(writable)}: no claim is shared between replicas${note}`,
        evidence,
      };
    }

    return {
      status: 'pass',
      message: `each of the StatefulSet's ${replicas?.description ?? 'replicas'} gets its own claim from volumeClaimTemplates ${volumeClaimTemplates
        .map(t => `'${t.name}'`)
        .join(', ')}`,
      evidence: volumeClaimTemplates.map(t => workloadEvidence(workload, t.path)),
    };
  },
});
