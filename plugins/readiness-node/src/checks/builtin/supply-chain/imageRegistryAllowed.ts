import { createReadinessCheck } from '../../types';
import { ImageReference, judgeImages, normalizeRegistry } from './images';

/** Options of image-registry-allowed (`readiness.checks.image-registry-allowed.registries`). */
export interface ImageRegistryAllowedOptions {
  /**
   * Allowed registries: a host (`ghcr.io`, `registry.local:5000`; `docker.io` for Docker Hub),
   * a host wildcard (`*.dkr.ecr.eu-west-1.amazonaws.com`), or a host with a path prefix
   * (`ghcr.io/acme`, `docker.io/library`).
   */
  registries: string[];
}

interface RegistryRule {
  text: string;
  matches(image: ImageReference): boolean;
}

/** The configured list, tolerating a single string or a comma-separated one from config. */
function configuredRegistries(value: unknown): string[] {
  let list: unknown[] = [];
  if (typeof value === 'string') list = value.split(',');
  else if (Array.isArray(value)) list = value;
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map(v => v.trim());
}

function ruleOf(entry: string): RegistryRule {
  const text = entry.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
  const slash = text.indexOf('/');
  const host = normalizeRegistry(slash >= 0 ? text.slice(0, slash) : text);
  if (slash >= 0) {
    const prefix = text.slice(slash + 1).toLowerCase();
    return {
      text,
      matches: image =>
        image.registry === host && (image.repository === prefix || image.repository.startsWith(`${prefix}/`)),
    };
  }
  if (host.startsWith('*.')) {
    const suffix = host.slice(1);
    return { text, matches: image => image.registry.endsWith(suffix) && image.registry.length > suffix.length };
  }
  return { text, matches: image => image.registry === host };
}

/** image-registry-allowed: images come only from registries the organisation trusts. */
export const imageRegistryAllowed = createReadinessCheck<ImageRegistryAllowedOptions>({
  id: 'image-registry-allowed',
  domain: 'supply-chain',
  severity: 'high',
  scope: 'workload',
  title: 'Images come from allowed registries',
  rationale:
    'An image pulled from an arbitrary public registry bypasses the scanning, signing and retention of the internal one, and its availability (rate limits, deletions) is outside your control during an incident.',
  remediation: {
    text: 'Mirror the image into an allowed registry and reference it there, or, if the registry is trusted, add it to readiness.checks.image-registry-allowed.registries.',
    snippet: `# the workload
containers:
  - name: cart
    image: registry.acme.internal:5000/shop/cart:1.4.2
# app-config.yaml
readiness:
  checks:
    image-registry-allowed:
      registries:
        - registry.acme.internal:5000
        - ghcr.io/acme`,
  },
  defaultOptions: { registries: [] },
  evaluate({ workload, options }) {
    const registries = configuredRegistries(options?.registries);
    if (registries.length === 0) {
      return {
        status: 'not-applicable',
        message: 'no allowed registries are configured (readiness.checks.image-registry-allowed.registries)',
      };
    }
    const rules = registries.map(ruleOf);
    const outcome = judgeImages(
      workload,
      image => (rules.some(r => r.matches(image)) ? undefined : `from ${image.registry}, which is not an allowed registry`),
      count => `all ${count} container image(s) come from an allowed registry (${registries.join(', ')})`,
    );
    return outcome.status === 'fail'
      ? { ...outcome, message: `${outcome.message} (allowed: ${rules.map(r => r.text).join(', ')})` }
      : outcome;
  },
});
