import { createReadinessCheck } from '../../types';
import { hasSha256Digest, judgeImages } from './images';

/** image-digest-pinned: a tag can be moved, a digest cannot. */
export const imageDigestPinned = createReadinessCheck({
  id: 'image-digest-pinned',
  domain: 'supply-chain',
  severity: 'medium',
  scope: 'workload',
  title: 'Every image is referenced by digest',
  rationale:
    'Tags are mutable: anyone who can push to the repository can move 1.4.2 to another build. A sha256 digest names exactly the bytes that were scanned and tested, on every node, for the life of the workload.',
  remediation: {
    text: 'Append the digest of the tested image to every image reference (the tag may stay for readability); tools like kustomize images, Renovate or crane digest keep it current.',
    snippet: `spec:
  template:
    spec:
      containers:
        - name: cart
          image: ghcr.io/acme/cart:1.4.2@sha256:3f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708`,
  },
  evaluate({ workload }) {
    return judgeImages(
      workload,
      image => {
        if (hasSha256Digest(image)) return undefined;
        if (image.digest) return `with a ${image.digest.split(':')[0]} digest, not sha256`;
        return 'without a digest (@sha256:...)';
      },
      count => `all ${count} container image(s) are referenced by a sha256 digest`,
    );
  },
});
