import { createReadinessCheck } from '../../types';
import { judgeImages } from './images';

/** image-tag-pinned: what runs is what was tested, and a restart does not pull something else. */
export const imageTagPinned = createReadinessCheck({
  id: 'image-tag-pinned',
  domain: 'supply-chain',
  severity: 'critical',
  scope: 'workload',
  title: 'Every image is pinned to a release tag or a digest',
  rationale:
    'An image without a tag, or tagged latest, changes under the workload: a node restart or a rescheduled pod silently pulls a different build, and a rollback cannot bring the old one back.',
  remediation: {
    text: 'Reference every image, init containers included, by an immutable release tag (never latest) or, better, by the digest that was tested; let CI write it into the manifest.',
    snippet: `spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/cart-migrations:1.4.2
      containers:
        - name: cart
          image: ghcr.io/acme/cart:1.4.2@sha256:3f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708`,
  },
  evaluate({ workload }) {
    return judgeImages(
      workload,
      image => {
        if (image.digest) return undefined;
        if (image.tag === undefined) return 'with no tag (the runtime pulls latest)';
        if (image.tag.toLowerCase() === 'latest') return `(tag ${image.tag})`;
        return undefined;
      },
      count => `all ${count} container image(s) are pinned to a release tag or a digest`,
    );
  },
});
