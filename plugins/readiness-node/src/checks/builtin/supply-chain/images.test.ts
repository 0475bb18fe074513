import { parseImageReference, qualifiedImage } from './images';

const DIGEST = `sha256:${'b'.repeat(64)}`;

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined],
    ['bitnami/redis:7.2', 'docker.io', 'bitnami/redis', '7.2', undefined],
    ['index.docker.io/library/nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined],
    ['ghcr.io/acme/cart:1.4.2', 'ghcr.io', 'acme/cart', '1.4.2', undefined],
    ['registry.local:5000/team/app', 'registry.local:5000', 'team/app', undefined, undefined],
    ['registry.local:5000/team/app:2.0.1', 'registry.local:5000', 'team/app', '2.0.1', undefined],
    ['localhost/app:dev', 'localhost', 'app', 'dev', undefined],
    ['gcr.io/project/group/sub/app:v1', 'gcr.io', 'project/group/sub/app', 'v1', undefined],
    [`app@${DIGEST}`, 'docker.io', 'library/app', undefined, DIGEST],
    [`ghcr.io/acme/cart:1.4.2@${DIGEST}`, 'ghcr.io', 'acme/cart', '1.4.2', DIGEST],
    [`registry.local:5000/team/app@${DIGEST}`, 'registry.local:5000', 'team/app', undefined, DIGEST],
  ])('parses %s', (raw, registry, repository, tag, digest) => {
    const ref = parseImageReference(raw);
    expect(ref).toEqual({ valid: true, raw, registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) });
  });

  it('gives the fully qualified form', () => {
    const ref = parseImageReference('nginx:1.27');
    expect(ref.valid && qualifiedImage(ref)).toBe('docker.io/library/nginx:1.27');
  });

  it.each([
    [undefined, 'no image is set'],
    ['', 'no image is set'],
    [42, 'no image is set'],
    ['{{ .Values.image }}', 'whitespace'],
    ['ghcr.io/acme/Cart:1.0', 'not a valid repository name'],
    ['app@sha256:abc', 'not a valid digest'],
    [`app@sha256:${'A'.repeat(64)}`, 'not a valid sha256 digest'],
    ['app:bad/tag', 'not a valid registry host'],
    ['app:', 'not a valid tag'],
  ])('rejects %p without throwing', (raw, reason) => {
    const ref = parseImageReference(raw);
    expect(ref.valid).toBe(false);
    expect(!ref.valid && ref.reason).toContain(reason);
  });
});
