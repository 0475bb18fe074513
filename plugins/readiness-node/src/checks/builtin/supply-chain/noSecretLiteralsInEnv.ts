import { createReadinessCheck } from '../../types';
import { containersOf, describeContainers, workloadEvidence } from '../../util';
import { joinFindings } from './images';

/**
 * Name fragments that make an env var look like a secret, compared with separators removed so
 * `API_KEY`, `api-key` and `apiKey` all match (PASSWORD, PASSWD, SECRET, TOKEN, API_KEY, APIKEY,
 * PRIVATE_KEY, CREDENTIAL).
 */
const SECRET_NAME_FRAGMENTS = ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'APIKEY', 'PRIVATEKEY', 'CREDENTIAL'];

/** Whether an env var name looks like it holds a secret (case-insensitive). */
export function looksLikeSecretName(name: string): boolean {
  const squashed = name.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return SECRET_NAME_FRAGMENTS.some(f => squashed.includes(f));
}

/**
 * Literal values that carry no secret: an empty string, a value made only of `$(VAR)`
 * references to other variables, or an absolute file path (`GOOGLE_APPLICATION_CREDENTIALS`,
 * `DB_PASSWORD_FILE`: the secret is a mounted file).
 */
function carriesNoSecret(value: string): boolean {
  return value.trim() === '' || /^(\$\([A-Za-z_][A-Za-z0-9_.-]*\))+$/.test(value) || /^\/[\w.\-/]+$/.test(value);
}

/** no-secret-literals-in-env: secrets reach containers from Secrets, never from the manifest. */
export const noSecretLiteralsInEnv = createReadinessCheck({
  id: 'no-secret-literals-in-env',
  domain: 'supply-chain',
  severity: 'critical',
  scope: 'workload',
  title: 'No secret is written literally into an environment variable',
  rationale:
    'A password or token set as a literal env value is stored in plain text in Git, in the Helm release, in etcd and in every `kubectl get -o yaml`, readable by anyone who may read the workload; it cannot be rotated without a redeploy.',
  remediation: {
    text: 'Move the value into a Secret (sealed or synced from a vault) and reference it with valueFrom.secretKeyRef or envFrom.secretRef; rotate the exposed credential.',
    snippet: `containers:
  - name: cart
    env:
      - name: DB_PASSWORD
        valueFrom:
          secretKeyRef:
            name: cart-db
            key: password
    envFrom:
      - secretRef:
          name: cart-api-keys`,
  },
  evaluate({ workload }) {
    const containers = containersOf(workload, { init: true });
    if (containers.length === 0) return { status: 'unknown', message: 'the pod template has no containers' };
    const findings: Array<{ text: string; path: string }> = [];
    for (const c of containers) {
      const env: unknown[] = Array.isArray(c.container.env) ? c.container.env : [];
      env.forEach((e: any, i) => {
        const name = e?.name;
        if (typeof name !== 'string' || !looksLikeSecretName(name)) return;
        if (e?.value === undefined || e?.value === null) return;
        if (typeof e.value === 'string' && carriesNoSecret(e.value)) return;
        // The value itself never goes into the message: it is the secret.
        findings.push({ text: `${describeContainers([c])} sets ${name} to a literal value`, path: `${c.path}.env[${i}].value` });
      });
    }
    if (findings.length === 0) {
      return {
        status: 'pass',
        message: `no secret-looking env var of the ${containers.length} container(s) carries a literal value`,
      };
    }
    return {
      status: 'fail',
      message: `${joinFindings(findings.map(f => f.text))}; use valueFrom.secretKeyRef or envFrom`,
      evidence: findings.map(f => workloadEvidence(workload, f.path)),
    };
  },
});
