import { cronJob, deployment, deploymentWithPods, run, statefulSet } from '../../../testing/fixtures';
import { priorityClass } from './priorityClass';

const target = { kind: 'Deployment', name: 'cart' };

describe('priority-class', () => {
  it('passes when the pod template sets priorityClassName', () => {
    expect(run(priorityClass, deploymentWithPods('cart'), target)).toEqual({
      status: 'pass',
      message: "runs with priorityClassName 'business-critical'",
      evidence: [{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.priorityClassName' }],
    });
  });

  it('passes a StatefulSet with a priority class', () => {
    expect(run(priorityClass, [statefulSet('postgres')], { kind: 'StatefulSet', name: 'postgres' }).status).toBe('pass');
  });

  it('fails without priorityClassName, pointing at the field', () => {
    const outcome = run(priorityClass, [deployment('cart', 'shop', { spec: { template: { spec: { priorityClassName: undefined } } } })], target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('the pod template sets no priorityClassName');
    expect(outcome.evidence).toEqual([{ kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.priorityClassName' }]);
  });

  it('fails an empty priorityClassName', () => {
    const outcome = run(priorityClass, [deployment('cart', 'shop', { spec: { template: { spec: { priorityClassName: ' ' } } } })], target);
    expect(outcome.status).toBe('fail');
  });

  it('applies to CronJobs too, at the jobTemplate path', () => {
    const outcome = run(priorityClass, [cronJob('nightly')], { kind: 'CronJob', name: 'nightly' });
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.[0].path).toBe('spec.jobTemplate.spec.template.spec.priorityClassName');
  });
});
