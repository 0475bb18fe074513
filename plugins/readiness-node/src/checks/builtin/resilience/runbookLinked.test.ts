import { deploymentWithPods, entity, run } from '../../../testing/fixtures';
import { runbookLinked } from './runbookLinked';

const target = { kind: 'Deployment', name: 'cart' };
const cart = deploymentWithPods('cart');

describe('runbook-linked', () => {
  it('passes a link titled runbook, case-insensitively', () => {
    const outcome = run(runbookLinked, cart, target, {
      entity: entity({}, [
        { url: 'https://grafana.example.com/d/cart', title: 'Dashboard' },
        { url: 'https://wiki.example.com/cart/ops', title: 'Cart On-call RUNBOOK' },
      ]),
    });
    expect(outcome).toEqual({
      status: 'pass',
      message: "component:default/test links its runbook: 'Cart On-call RUNBOOK' https://wiki.example.com/cart/ops",
    });
  });

  it('passes a link typed runbook', () => {
    const outcome = run(runbookLinked, cart, target, {
      entity: entity({}, [{ url: 'https://wiki.example.com/cart/ops', title: 'Operations', type: 'Runbook' }]),
    });
    expect(outcome.status).toBe('pass');
  });

  it('passes the prodready.dev/runbook annotation', () => {
    const outcome = run(runbookLinked, cart, target, {
      entity: entity({ 'prodready.dev/runbook': 'https://runbooks.example.com/shop/cart' }),
    });
    expect(outcome).toEqual({
      status: 'pass',
      message: 'component:default/test names its runbook in prodready.dev/runbook: https://runbooks.example.com/shop/cart',
    });
  });

  it('fails without a runbook link or annotation', () => {
    const outcome = run(runbookLinked, cart, target, {
      entity: entity({}, [{ url: 'https://grafana.example.com/d/cart', title: 'Dashboard', type: 'dashboard' }]),
    });
    expect(outcome).toEqual({
      status: 'fail',
      message: 'component:default/test has no link titled or typed "runbook" and no prodready.dev/runbook annotation',
    });
  });

  it('fails an annotation that is not a URL', () => {
    const outcome = run(runbookLinked, cart, target, { entity: entity({ 'prodready.dev/runbook': 'ask Dana' }) });
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      'component:default/test: prodready.dev/runbook "ask Dana" is not an http(s) URL, and no link is titled or typed "runbook"',
    );
  });

  it('is unknown without a catalog entity', () => {
    expect(run(runbookLinked, cart, target)).toEqual({
      status: 'unknown',
      message: "needs the catalog entity's links and prodready.dev/runbook annotation; no catalog entity was given",
    });
  });
});
