/*
 * Container image references, parsed the way the container runtime resolves them
 * (github.com/distribution/reference): `nginx` is `docker.io/library/nginx:latest`, the first
 * path component is a registry host only when it looks like one (a dot, a port or `localhost`),
 * a `:` after the last `/` starts the tag, and `@` starts the digest.
 */
import { CheckOutcome } from '../../types';
import { containersOf, ContainerEntry, describeContainers, workloadEvidence } from '../../util';
import { Workload } from '../../../cluster/workloads';

/** The registry of Docker Hub images, whatever host alias the reference used. */
export const DOCKER_HUB = 'docker.io';

/** A well-formed image reference. */
export interface ImageReference {
  valid: true;
  /** The reference as written in the pod spec. */
  raw: string;
  /** Registry host (and port), lower-case; `docker.io` when the reference names none. */
  registry: string;
  /** Repository path in the registry: `acme/cart`, `library/nginx`. */
  repository: string;
  tag?: string;
  /** `sha256:<64 hex>` and the like. */
  digest?: string;
}

/** An image field the runtime could not pull: absent, not a string, or malformed. */
export interface InvalidImageReference {
  valid: false;
  raw: string;
  reason: string;
}

export type ParsedImage = ImageReference | InvalidImageReference;

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$/;
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Docker Hub's aliases all mean `docker.io`; hosts are case-insensitive. */
export function normalizeRegistry(host: string): string {
  const h = host.trim().toLowerCase();
  return h === 'index.docker.io' || h === 'registry-1.docker.io' || h === 'registry.hub.docker.com' ? DOCKER_HUB : h;
}

/** Whether the first path component of a reference is a registry host rather than a Docker Hub namespace. */
function looksLikeRegistry(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost' || component !== component.toLowerCase();
}

const PARSED_IMAGES = new Map<string, ParsedImage>();

/** Parses an image reference; never throws. */
export function parseImageReference(image: unknown): ParsedImage {
  // Pods of one release share their images: parse each reference once per process.
  if (typeof image === 'string') {
    const cached = PARSED_IMAGES.get(image);
    if (cached) return cached;
    const parsed = parseImageReferenceUncached(image);
    if (PARSED_IMAGES.size > 50_000) PARSED_IMAGES.clear();
    PARSED_IMAGES.set(image, parsed);
    return parsed;
  }
  return parseImageReferenceUncached(image);
}

function parseImageReferenceUncached(image: unknown): ParsedImage {
  if (typeof image !== 'string' || image.trim() === '') {
    return { valid: false, raw: typeof image === 'string' ? image : '', reason: 'no image is set' };
  }
  const raw = image;
  const invalid = (reason: string): InvalidImageReference => ({ valid: false, raw, reason });
  if (/\s/.test(raw)) return invalid('the reference contains whitespace');

  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid(`"${digest}" is not a valid digest`);
    if (digest.startsWith('sha256:') && !SHA256_DIGEST.test(digest)) {
      return invalid(`"${digest}" is not a valid sha256 digest (64 lower-case hex digits)`);
    }
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid(`"${tag}" is not a valid tag`);
  }

  let registry = DOCKER_HUB;
  let repository = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0 && looksLikeRegistry(rest.slice(0, slash))) {
    const host = rest.slice(0, slash);
    if (!DOMAIN.test(host)) return invalid(`"${host}" is not a valid registry host`);
    registry = normalizeRegistry(host);
    repository = rest.slice(slash + 1);
  }
  if (!repository || !repository.split('/').every(c => PATH_COMPONENT.test(c))) {
    return invalid(`"${repository}" is not a valid repository name (lower-case letters, digits and separators)`);
  }
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  return { valid: true, raw, registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The fully qualified form: `docker.io/library/nginx:1.27`. */
export function qualifiedImage(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** Whether the reference pins the image by a sha256 digest. */
export function hasSha256Digest(ref: ImageReference): boolean {
  return !!ref.digest && SHA256_DIGEST.test(ref.digest);
}

/** A container of the pod template with its parsed image. */
export interface ContainerImage {
  entry: ContainerEntry;
  image: ParsedImage;
  /** Field path of the image, e.g. `spec.template.spec.initContainers[0].image`. */
  path: string;
  /** `container 'cart'` or `init container 'migrate'`. */
  label: string;
}

/** Every container of the pod template, init containers included, with its image parsed. */
export function containerImages(workload: Workload): ContainerImage[] {
  return containersOf(workload, { init: true }).map(entry => ({
    entry,
    image: parseImageReference(entry.container.image),
    path: `${entry.path}.image`,
    label: describeContainers([entry]),
  }));
}

/** Joins findings into one line: the first three, then how many more. */
export function joinFindings(findings: string[]): string {
  if (findings.length <= 3) return findings.join('; ');
  return `${findings.slice(0, 3).join('; ')}; and ${findings.length - 3} more`;
}

/**
 * The shared shape of the image checks: `judge` returns what is wrong with one well-formed
 * image (e.g. `(tag latest)`), or undefined when it is fine. Any finding fails; otherwise an
 * image that cannot be parsed (absent, templated, malformed) makes the answer `unknown`.
 */
export function judgeImages(
  workload: Workload,
  judge: (image: ImageReference, c: ContainerImage) => string | undefined,
  passMessage: (count: number) => string,
): CheckOutcome {
  const images = containerImages(workload);
  if (images.length === 0) return { status: 'unknown', message: 'the pod template has no containers' };
  const failing: Array<{ c: ContainerImage; problem: string }> = [];
  const unreadable: Array<{ c: ContainerImage; reason: string }> = [];
  for (const c of images) {
    if (!c.image.valid) {
      unreadable.push({ c, reason: c.image.reason });
      continue;
    }
    const problem = judge(c.image, c);
    if (problem) failing.push({ c, problem });
  }
  if (failing.length > 0) {
    return {
      status: 'fail',
      message: joinFindings(failing.map(f => `${f.c.label} uses image ${f.c.image.raw} ${f.problem}`)),
      evidence: failing.map(f => workloadEvidence(workload, f.c.path)),
    };
  }
  if (unreadable.length > 0) {
    return {
      status: 'unknown',
      message: joinFindings(
        unreadable.map(u => `${u.c.label} image ${u.c.image.raw ? `'${u.c.image.raw}' ` : ''}cannot be read: ${u.reason}`),
      ),
      evidence: unreadable.map(u => workloadEvidence(workload, u.c.path)),
    };
  }
  return { status: 'pass', message: passMessage(images.length) };
}
