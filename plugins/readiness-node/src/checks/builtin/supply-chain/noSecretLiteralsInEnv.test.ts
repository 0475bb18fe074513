import { container, cronJob, deployment, deploymentWithPods, run } from '../../../testing/fixtures';
import { looksLikeSecretName, noSecretLiteralsInEnv } from './noSecretLiteralsInEnv';

const target = { kind: 'Deployment', name: 'cart' };

function withEnv(env: unknown, extra: Record<string, any> = {}) {
  return [deployment('cart', 'shop', { spec: { template: { spec: { containers: [container('cart', { env, ...extra })] } } } })];
}

describe('no-secret-literals-in-env', () => {
  it('passes without env at all', () => {
    const outcome = run(noSecretLiteralsInEnv, deploymentWithPods('cart'), target);
    expect(outcome.status).toBe('pass');
  });

  it('passes when secrets come from valueFrom and envFrom', () => {
    const outcome = run(
      noSecretLiteralsInEnv,
      withEnv(
        [
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'cart-db', key: 'password' } } },
        ],
        { envFrom: [{ secretRef: { name: 'cart-api-keys' } }] },
      ),
      target,
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('no secret-looking env var of the 1 container(s) carries a literal value');
  });

  it('fails for a literal DB_PASSWORD, never echoing the value', () => {
    const outcome = run(
      noSecretLiteralsInEnv,
      withEnv([
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'DB_PASSWORD', value: 'hunter2' },
      ]),
      target,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' sets DB_PASSWORD to a literal value; use valueFrom.secretKeyRef or envFrom",
    );
    expect(outcome.message).not.toContain('hunter2');
    expect(outcome.evidence).toEqual([
      { kind: 'Deployment', namespace: 'shop', name: 'cart', path: 'spec.template.spec.containers[0].env[1].value' },
    ]);
  });

  it.each(['api_key', 'STRIPE_API_KEY', 'apiKey', 'X-APIKEY', 'GITHUB_TOKEN', 'jwt_secret', 'SMTP_PASSWD', 'TLS_PRIVATE_KEY', 'privateKey', 'AWS_CREDENTIALS'])(
    'treats %s as a secret name (case-insensitive, any separator)',
    name => {
      expect(looksLikeSecretName(name)).toBe(true);
      expect(run(noSecretLiteralsInEnv, withEnv([{ name, value: 's3cr3t-value' }]), target).status).toBe('fail');
    },
  );

  it.each(['LOG_LEVEL', 'PORT', 'DATABASE_HOST', 'KEY_ID_PREFIX'])('does not treat %s as a secret name', name => {
    expect(looksLikeSecretName(name)).toBe(false);
  });

  it('passes for literals that carry no secret: empty, $(VAR) references, file paths', () => {
    const outcome = run(
      noSecretLiteralsInEnv,
      withEnv([
        { name: 'REDIS_PASSWORD', value: '' },
        { name: 'DB_PASSWORD_FROM_SECRET', valueFrom: { secretKeyRef: { name: 'cart-db', key: 'password' } } },
        { name: 'DB_PASSWORD', value: '$(DB_PASSWORD_FROM_SECRET)' },
        { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/run/secrets/google/key.json' },
        { name: 'POSTGRES_PASSWORD_FILE', value: '/run/secrets/postgres-password' },
      ]),
      target,
    );
    expect(outcome.status).toBe('pass');
  });

  it('fails for a value mixing a reference with a literal', () => {
    const outcome = run(noSecretLiteralsInEnv, withEnv([{ name: 'DB_PASSWORD', value: 'prefix-$(SUFFIX)' }]), target);
    expect(outcome.status).toBe('fail');
  });

  it('includes init containers and lists each finding', () => {
    const objects = [
      deployment('cart', 'shop', {
        spec: {
          template: {
            spec: {
              initContainers: [container('migrate', { env: [{ name: 'FLYWAY_PASSWORD', value: 'changeme' }] })],
              containers: [container('cart', { env: [{ name: 'SESSION_SECRET', value: 'abc' }] })],
            },
          },
        },
      }),
    ];
    const outcome = run(noSecretLiteralsInEnv, objects, target);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      "container 'cart' sets SESSION_SECRET to a literal value; init container 'migrate' sets FLYWAY_PASSWORD to a literal value; use valueFrom.secretKeyRef or envFrom",
    );
    expect(outcome.evidence?.map(e => e.path)).toEqual([
      'spec.template.spec.containers[0].env[0].value',
      'spec.template.spec.initContainers[0].env[0].value',
    ]);
  });

  it('reads CronJobs too', () => {
    const job = cronJob('nightly', 'shop', {
      spec: {
        jobTemplate: {
          spec: { template: { spec: { containers: [container('dump', { env: [{ name: 'PGPASSWORD', value: 'x' }] })] } } },
        },
      },
    });
    const outcome = run(noSecretLiteralsInEnv, [job], { kind: 'CronJob', name: 'nightly' });
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.[0].path).toBe('spec.jobTemplate.spec.template.spec.containers[0].env[0].value');
  });

  it('survives malformed env entries', () => {
    expect(run(noSecretLiteralsInEnv, withEnv([null, { value: 'x' }, { name: 42, value: 'y' }]), target).status).toBe('pass');
    expect(run(noSecretLiteralsInEnv, withEnv('DB_PASSWORD=x'), target).status).toBe('pass');
  });

  it('is unknown when the pod template has no containers', () => {
    const objects = [deployment('cart', 'shop', { spec: { template: { spec: { containers: [] } } } })];
    expect(run(noSecretLiteralsInEnv, objects, target).status).toBe('unknown');
  });
});
