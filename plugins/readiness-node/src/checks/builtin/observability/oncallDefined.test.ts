import { deployment, entity, run } from '../../../testing/fixtures';
import { oncallDefined } from './oncallDefined';

const target = { kind: 'Deployment', name: 'cart' };

describe('oncall-defined', () => {
  it.each([
    ['pagerduty.com/service-id', 'PX7D9QZ'],
    ['pagerduty.com/integration-key', 'a1b2c3d4e5f60718293a4b5c6d7e8f90'],
    ['opsgenie.com/component-selector', 'tag:"service:cart"'],
    ['prodready.dev/oncall', 'https://acme.pagerduty.com/schedules/P3ABC12'],
  ])('passes with annotation %s', (key, value) => {
    const outcome = run(oncallDefined, [deployment('cart')], target, { entity: entity({ [key]: value }) });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe(`entity component:default/test pages through ${key}: ${value}`);
    expect(outcome.evidence).toEqual([{ kind: 'Component', namespace: 'default', name: 'test', path: `metadata.annotations["${key}"]` }]);
  });

  it('fails when the entity has no paging annotation', () => {
    const outcome = run(oncallDefined, [deployment('cart')], target, {
      entity: entity({ 'backstage.io/kubernetes-id': 'cart', 'pagerduty.com/service-id': '  ' }),
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('entity component:default/test names no on-call rotation');
    expect(outcome.message).toContain('pagerduty.com/service-id');
  });

  it('fails when prodready.dev/oncall is not a URL', () => {
    const outcome = run(oncallDefined, [deployment('cart')], target, { entity: entity({ 'prodready.dev/oncall': 'team-shop' }) });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('entity component:default/test has annotation prodready.dev/oncall: "team-shop", which is not an http(s) URL');
  });

  it('passes on a valid paging annotation even when prodready.dev/oncall is malformed', () => {
    const outcome = run(oncallDefined, [deployment('cart')], target, {
      entity: entity({ 'prodready.dev/oncall': 'team-shop', 'opsgenie.com/component-selector': 'tag:"service:cart"' }),
    });
    expect(outcome.status).toBe('pass');
  });

  it('is unknown without a catalog entity', () => {
    const outcome = run(oncallDefined, [deployment('cart')], target);
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('no catalog entity was given');
  });
});
