import { createReadinessCheck, entityRequired } from '../../types';
import { entityAnnotation, entityEvidence, isHttpUrl } from './catalogEntity';

const ONCALL_URL = 'prodready.dev/oncall';

/** Annotations that tell who is paged, in the order they are reported. */
const PAGING_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/component-selector',
  ONCALL_URL,
];

/** oncall-defined: an alert reaches a person. */
export const oncallDefined = createReadinessCheck({
  id: 'oncall-defined',
  domain: 'observability',
  severity: 'medium',
  scope: 'entity',
  title: 'The service has an on-call rotation',
  rationale:
    'An alert that pages nobody is a log line; production services need a rotation that is reached at 3 a.m. and is discoverable from the catalog during an incident.',
  remediation: {
    text:
      `Annotate the catalog entity with its paging target: a PagerDuty service id or integration key, an Opsgenie component selector, or ${ONCALL_URL} with the URL of the rotation.`,
    snippet: `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
  annotations:
    pagerduty.com/service-id: PX7D9QZ
    # or: opsgenie.com/component-selector: 'tag:"service:cart"'
    # or: ${ONCALL_URL}: https://acme.pagerduty.com/schedules/P3ABC12
spec:
  type: service
  owner: team-shop
  lifecycle: production`,
  },
  evaluate({ entity }) {
    if (!entity) return entityRequired(`paging annotation (${PAGING_ANNOTATIONS.join(', ')})`);

    const present = PAGING_ANNOTATIONS.filter(key => entityAnnotation(entity, key) !== undefined);
    const valid = present.filter(key => key !== ONCALL_URL || isHttpUrl(entityAnnotation(entity, key)!));
    if (valid.length > 0) {
      const key = valid[0];
      return {
        status: 'pass',
        message: `entity ${entity.ref} pages through ${key}: ${entityAnnotation(entity, key)}`,
        evidence: valid.map(k => entityEvidence(entity, k)),
      };
    }
    if (present.length > 0) {
      return {
        status: 'fail',
        message: `entity ${entity.ref} has annotation ${ONCALL_URL}: "${entityAnnotation(entity, ONCALL_URL)}", which is not an http(s) URL`,
        evidence: [entityEvidence(entity, ONCALL_URL)],
      };
    }
    return {
      status: 'fail',
      message: `entity ${entity.ref} names no on-call rotation: none of ${PAGING_ANNOTATIONS.join(', ')} is set`,
      evidence: [entityEvidence(entity)],
    };
  },
});
