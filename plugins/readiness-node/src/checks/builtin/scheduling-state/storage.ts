import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { Workload } from '../../../cluster/workloads';
import { KubernetesObject } from '../../../objects';
import { podSpecField } from '../../util';

/** A PersistentVolumeClaim volume of a pod template. */
export interface ClaimVolume {
  claimName: string;
  volumeName: string;
  /** Field path of the volume's persistentVolumeClaim, for evidence. */
  path: string;
  /** Mounted read-only (volume or every volumeMount readOnly, or a ReadOnlyMany-only claim): holds no state the pods write. */
  readOnly: boolean;
  /** The claim, when it is in the index. */
  claim?: KubernetesObject;
  /** The claim's spec.accessModes, when known. */
  accessModes: string[];
}

/** What persistent storage a workload writes to. */
export interface StorageUse {
  /** Every PVC volume of the pod template. */
  claims: ClaimVolume[];
  /** The claims pods write to. */
  writable: ClaimVolume[];
  /** StatefulSet volumeClaimTemplates: one claim per replica. */
  volumeClaimTemplates: Array<{ name: string; path: string }>;
  /** Writes to persistent storage: a writable claim or a volumeClaimTemplate. */
  stateful: boolean;
}

/**
 * The persistent storage of a workload (relations.claimNames gives the names only; this adds
 * the field paths, read-only-ness and the claims themselves). Generic ephemeral volumes are
 * per-pod scratch space and are not counted.
 */
export function storageOf(workload: Workload, index: ClusterIndex): StorageUse {
  const spec = workload.template.spec ?? {};
  const containers: any[] = [
    ...(Array.isArray(spec.containers) ? spec.containers : []),
    ...(Array.isArray(spec.initContainers) ? spec.initContainers : []),
  ];
  const claims: ClaimVolume[] = [];
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v: any, i: number) => {
    const source = v?.persistentVolumeClaim;
    if (typeof source?.claimName !== 'string') return;
    const mounts = containers.flatMap(c => (Array.isArray(c?.volumeMounts) ? c.volumeMounts : [])).filter((m: any) => m?.name === v.name);
    const claim = index.get('PersistentVolumeClaim', workload.ref.namespace, source.claimName);
    const accessModes: string[] = Array.isArray(claim?.spec?.accessModes) ? claim!.spec.accessModes : [];
    const readOnly =
      source.readOnly === true ||
      (mounts.length > 0 && mounts.every((m: any) => m.readOnly === true)) ||
      (accessModes.length > 0 && accessModes.every(m => m === 'ReadOnlyMany'));
    claims.push({
      claimName: source.claimName,
      volumeName: String(v.name),
      path: podSpecField(workload, `volumes[${i}].persistentVolumeClaim`),
      readOnly,
      claim,
      accessModes,
    });
  });
  const templates: any[] =
    workload.ref.kind === 'StatefulSet' && Array.isArray(workload.object.spec?.volumeClaimTemplates)
      ? workload.object.spec.volumeClaimTemplates
      : [];
  const volumeClaimTemplates = templates.map((t, i) => ({
    name: String(t?.metadata?.name ?? `#${i}`),
    path: `spec.volumeClaimTemplates[${i}]`,
  }));
  const writable = claims.filter(c => !c.readOnly);
  return { claims, writable, volumeClaimTemplates, stateful: writable.length > 0 || volumeClaimTemplates.length > 0 };
}

/** `claim 'data'`, `claims 'a', 'b'`. */
export function describeClaims(claims: ClaimVolume[]): string {
  return `${claims.length === 1 ? 'claim' : 'claims'} ${claims.map(c => `'${c.claimName}'`).join(', ')}`;
}
