import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { containerPath, Workload } from '../../../cluster/workloads';
import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { objectEvidence, podSpecField, workloadEvidence } from '../../util';

const SEALING_KINDS = ['SealedSecret', 'ExternalSecret'];

/**
 * Every Secret the pod template references through env, envFrom and volumes (projected ones
 * included), with the field paths that reference it. Same sources as `referencedSecretNames`,
 * plus paths for evidence.
 */
function secretReferences(workload: Workload): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  const add = (name: unknown, path: string) => {
    if (typeof name !== 'string' || name === '') return;
    const list = refs.get(name);
    if (list) list.push(path);
    else refs.set(name, [path]);
  };
  const spec = workload.template.spec ?? {};
  for (const init of [false, true]) {
    const containers = init ? spec.initContainers : spec.containers;
    if (!Array.isArray(containers)) continue;
    containers.forEach((c: any, i: number) => {
      const base = containerPath(workload, i, init);
      (Array.isArray(c?.env) ? c.env : []).forEach((e: any, j: number) =>
        add(e?.valueFrom?.secretKeyRef?.name, `${base}.env[${j}].valueFrom.secretKeyRef.name`),
      );
      (Array.isArray(c?.envFrom) ? c.envFrom : []).forEach((e: any, j: number) =>
        add(e?.secretRef?.name, `${base}.envFrom[${j}].secretRef.name`),
      );
    });
  }
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v: any, k: number) => {
    add(v?.secret?.secretName, podSpecField(workload, `volumes[${k}].secret.secretName`));
    const sources = Array.isArray(v?.projected?.sources) ? v.projected.sources : [];
    sources.forEach((s: any, m: number) =>
      add(s?.secret?.name, podSpecField(workload, `volumes[${k}].projected.sources[${m}].secret.name`)),
    );
  });
  return refs;
}

/**
 * SealedSecrets and ExternalSecrets by the Secret they produce (`namespace/name`), once per
 * cluster: in manifests (CI) the Secret does not exist yet, its generator does.
 */
function secretGenerators(index: ClusterIndex): Map<string, KubernetesObject> {
  return index.memoize('delivery/secrets-sealed/generators', () => {
    const out = new Map<string, KubernetesObject>();
    for (const sealed of index.list('SealedSecret')) {
      // The controller creates the Secret under the SealedSecret's own name and namespace.
      out.set(`${sealed.metadata.namespace}/${sealed.metadata.name}`, sealed);
    }
    for (const external of index.list('ExternalSecret')) {
      const name = external.spec?.target?.name ?? external.metadata.name;
      out.set(`${external.metadata.namespace}/${name}`, external);
    }
    return out;
  });
}

function sealingOwner(secret: KubernetesObject): string | undefined {
  const owners = Array.isArray(secret.metadata.ownerReferences) ? secret.metadata.ownerReferences : [];
  return owners.find(r => SEALING_KINDS.includes(r?.kind))?.kind;
}

/** secrets-sealed: no secret value lives in Git or in someone's shell history. */
export const secretsSealed = createReadinessCheck({
  id: 'secrets-sealed',
  domain: 'delivery',
  severity: 'high',
  scope: 'workload',
  title: 'Referenced Secrets are sealed or synced from a secret store',
  rationale:
    'A Secret created by hand or committed as plain YAML cannot be reviewed, rotated or rebuilt safely; a SealedSecret or ExternalSecret keeps the value encrypted in Git or in a vault and recreates the Secret on any cluster.',
  remediation: {
    text:
      'Replace each plain Secret with a SealedSecret (kubeseal) or an ExternalSecret pulling from your secret store; the controller then creates the Secret, owned by it, under the same name.',
    snippet: `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: cart-db
  namespace: shop
spec:
  refreshInterval: 1h
  secretStoreRef:
    kind: ClusterSecretStore
    name: vault
  target:
    name: cart-db            # the Secret the pods reference
    creationPolicy: Owner     # the Secret is owned by this ExternalSecret
  data:
    - secretKey: password
      remoteRef:
        key: shop/cart/db
        property: password`,
  },
  // No `requires`: a workload without Secrets is not-applicable even when Secrets cannot be listed.
  evaluate({ workload, index }) {
    const refs = secretReferences(workload);
    if (refs.size === 0) {
      return { status: 'not-applicable', message: `${workload.ref.kind} ${workload.ref.name} references no Secret` };
    }
    const missingKind = index.missing('secrets');
    if (missingKind) {
      return {
        status: 'unknown',
        message: `references ${refs.size} Secret(s) but Secrets could not be read (${missingKind.reason})`,
      };
    }

    const ns = workload.ref.namespace;
    const generators = secretGenerators(index);
    const sealed: string[] = [];
    const problems: string[] = [];
    const evidence: CheckEvidence[] = [];
    for (const [name, paths] of refs) {
      const secret = index.get('Secret', ns, name);
      if (secret) {
        const owner = sealingOwner(secret);
        if (owner) {
          sealed.push(`'${name}' (${owner})`);
        } else {
          problems.push(`Secret '${name}' is not owned by a SealedSecret or ExternalSecret`);
          evidence.push(objectEvidence(secret, 'metadata.ownerReferences'), workloadEvidence(workload, paths[0]));
        }
        continue;
      }
      const generator = generators.get(`${ns}/${name}`);
      if (generator) {
        sealed.push(`'${name}' (${generator.kind} ${generator.metadata.name}, Secret not created yet)`);
        continue;
      }
      problems.push(`Secret '${name}' is referenced but does not exist in namespace '${ns}'`);
      evidence.push({ kind: 'Secret', namespace: ns, name }, workloadEvidence(workload, paths[0]));
    }

    if (problems.length > 0) {
      return { status: 'fail', message: problems.join('; '), evidence };
    }
    return {
      status: 'pass',
      message: `all ${refs.size} referenced Secret(s) are sealed: ${sealed.join(', ')}`,
      evidence: [...refs.keys()].map(name => ({ kind: 'Secret', namespace: ns, name })),
    };
  },
});
