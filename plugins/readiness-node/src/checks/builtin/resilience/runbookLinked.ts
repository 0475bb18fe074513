import { createReadinessCheck, entityRequired } from '../../types';

const RUNBOOK = 'prodready.dev/runbook';

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** runbook-linked (cat): whoever is paged finds the runbook from the service's page. */
export const runbookLinked = createReadinessCheck({
  id: 'runbook-linked',
  domain: 'resilience',
  severity: 'medium',
  scope: 'entity',
  title: 'The service links its runbook',
  rationale:
    'At 3 a.m. the person paged is rarely the author; a runbook one click away from the service page turns an incident from guesswork into a procedure and shortens every recovery.',
  remediation: {
    text: `Link the runbook from the catalog entity: a link titled or typed "runbook", or the ${RUNBOOK} annotation (a URL).`,
    snippet: `# catalog-info.yaml
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
  annotations:
    prodready.dev/runbook: https://runbooks.example.com/shop/cart
  links:
    - url: https://runbooks.example.com/shop/cart
      title: Cart runbook
      type: runbook
spec:
  type: service
  lifecycle: production
  owner: team-checkout`,
  },
  evaluate({ entity }) {
    if (!entity) return entityRequired(`links and ${RUNBOOK} annotation`);
    const link = entity.links.find(
      l => /runbook/i.test(l.title ?? '') || /runbook/i.test(l.type ?? ''),
    );
    if (link) {
      return { status: 'pass', message: `${entity.ref} links its runbook: ${link.title ? `'${link.title}' ` : ''}${link.url}` };
    }
    const annotation = entity.annotations[RUNBOOK]?.trim();
    if (annotation && isUrl(annotation)) {
      return { status: 'pass', message: `${entity.ref} names its runbook in ${RUNBOOK}: ${annotation}` };
    }
    if (annotation) {
      return { status: 'fail', message: `${entity.ref}: ${RUNBOOK} "${annotation}" is not an http(s) URL, and no link is titled or typed "runbook"` };
    }
    return {
      status: 'fail',
      message: `${entity.ref} has no link titled or typed "runbook" and no ${RUNBOOK} annotation`,
    };
  },
});
