import { scoreReport } from '@prodready/plugin-readiness-common';
import { parseReadinessConfigText, readReadinessConfig } from './config';
import { configureChecks } from './engine/evaluate';
import { BUILT_IN_CHECKS } from './checks/builtin';

const checkIds = BUILT_IN_CHECKS.map(c => c.id);

describe('readReadinessConfig', () => {
  it('reads checks, levels and domain weights, and ignores the backend keys', () => {
    const config = readReadinessConfig({
      schedule: { frequency: { minutes: 10 } },
      sources: { snapshot: [{ path: 'x' }] },
      history: { retentionDays: 90 },
      checks: {
        'readiness-probe': { severity: 'high' },
        'helm-managed': { enabled: false },
        'image-registry-allowed': {
          registries: ['ghcr.io', 'registry.acme.example'],
        },
        'restore-tested': {
          enabled: true,
          severity: 'critical',
          maxAgeDays: 30,
        },
      },
      levels: { gold: 'Platinum', none: 'Not ready' },
      domains: { security: { weight: 2 }, resilience: { weight: 0 } },
    });
    expect(config.errors).toEqual([]);
    expect(config.policy).toEqual({
      'readiness-probe': { severity: 'high' },
      'helm-managed': { enabled: false },
      'image-registry-allowed': {
        options: { registries: ['ghcr.io', 'registry.acme.example'] },
      },
      'restore-tested': {
        enabled: true,
        severity: 'critical',
        options: { maxAgeDays: 30 },
      },
    });
    expect(config.scoring).toEqual({
      levels: { gold: 'Platinum', none: 'Not ready' },
      domainWeights: { security: 2, resilience: 0 },
    });
  });

  it('returns an empty configuration for a missing block', () => {
    expect(readReadinessConfig(undefined)).toEqual({
      policy: {},
      scoring: {},
      errors: [],
    });
    expect(readReadinessConfig(null)).toEqual({
      policy: {},
      scoring: {},
      errors: [],
    });
  });

  it('names the source and the config key in every error, and keeps the valid parts', () => {
    const config = readReadinessConfig(
      {
        checks: {
          'readiness-probe': { severity: 'urgent' },
          'liveness-probe': { enabled: 'no' },
          'memory-limit': 'off',
          Bad_Id: {},
          'capabilities-dropped': { severity: 'low' },
        },
        levels: { platinum: 'Platinum', gold: '' },
        domains: { speed: { weight: 1 }, security: { weight: -1, factor: 2 } },
        check: {},
      },
      'prodready.yaml',
    );
    expect(config.errors).toEqual([
      'prodready.yaml: readiness.check: unknown key; expected one of checks, levels, domains, schedule, sources, history, catalog, metrics, notifications, docsBaseUrl',
      'prodready.yaml: readiness.checks.readiness-probe.severity: must be one of critical, high, medium, low, got "urgent"',
      'prodready.yaml: readiness.checks.liveness-probe.enabled: must be true or false, got "no"',
      'prodready.yaml: readiness.checks.memory-limit: must be an object with enabled, severity or options of the check, got "off"',
      'prodready.yaml: readiness.checks.Bad_Id: "Bad_Id" is not a check id (kebab-case, e.g. readiness-probe)',
      'prodready.yaml: readiness.levels.platinum: there is no level "platinum"; use one of gold, silver, bronze, none',
      'prodready.yaml: readiness.levels.gold: must be a non-empty string, got ""',
      'prodready.yaml: readiness.domains.speed: there is no domain "speed"; use one of supply-chain, packaging-traffic, observability, delivery, security, resources-scaling, scheduling-state, resilience',
      'prodready.yaml: readiness.domains.security.weight: must be a number >= 0, got -1',
      'prodready.yaml: readiness.domains.security.factor: unknown key; a domain has only a weight',
    ]);
    expect(config.policy).toEqual({
      'capabilities-dropped': { severity: 'low' },
    });
  });

  it('defaults the source to app-config', () => {
    expect(readReadinessConfig('yes').errors).toEqual([
      'app-config: readiness: must be an object, got "yes"',
    ]);
  });

  it('rejects unknown check ids when the ids in force are given, suggesting a close one', () => {
    const config = readReadinessConfig(
      {
        checks: { 'readines-probe': { severity: 'high' }, 'no-such-thing': {} },
      },
      'app-config',
      { checkIds },
    );
    expect(config.errors).toEqual([
      'app-config: readiness.checks.readines-probe: there is no check "readines-probe" (did you mean "readiness-probe"?)',
      'app-config: readiness.checks.no-such-thing: there is no check "no-such-thing"',
    ]);
    expect(config.policy).toEqual({});
  });

  it('produces policy that configureChecks accepts and scoring options scoreReport accepts', () => {
    const config = readReadinessConfig(
      {
        checks: {
          'readiness-probe': { severity: 'medium' },
          'image-registry-allowed': { registries: ['ghcr.io'] },
        },
        levels: { bronze: 'Copper' },
        domains: { 'supply-chain': { weight: 3 } },
      },
      'app-config',
      { checkIds },
    );
    const configured = configureChecks([...BUILT_IN_CHECKS], config.policy);
    const probe = configured.find(c => c.check.id === 'readiness-probe')!;
    expect(probe.severity).toBe('medium');
    const registry = configured.find(
      c => c.check.id === 'image-registry-allowed',
    )!;
    expect(registry.options).toEqual({ registries: ['ghcr.io'] });
    expect(scoreReport([], config.scoring).levelNames.bronze).toBe('Copper');
  });
});

describe('parseReadinessConfigText', () => {
  it('reads the top-level readiness block of a YAML file and ignores the other keys', () => {
    const config = parseReadinessConfigText(
      `app:\n  title: Acme\nreadiness:\n  checks:\n    helm-managed:\n      enabled: false\n`,
      'ci/prodready.yaml',
    );
    expect(config).toEqual({
      policy: { 'helm-managed': { enabled: false } },
      scoring: {},
      errors: [],
    });
  });

  it('names the file and line of invalid YAML', () => {
    const config = parseReadinessConfigText(
      `readiness:\n  checks:\n    helm-managed: {enabled: false\n`,
      'ci/prodready.yaml',
    );
    expect(config.errors.length).toBeGreaterThan(0);
    expect(config.errors[0]).toMatch(
      /^ci\/prodready\.yaml:\d+: invalid YAML: /,
    );
  });

  it('names the file when the readiness block is missing', () => {
    expect(
      parseReadinessConfigText('checks: {}\n', 'x.yaml').errors[0],
    ).toMatch(/^x\.yaml: no top-level "readiness:" block/);
    expect(parseReadinessConfigText('', 'x.yaml').errors[0]).toMatch(
      /^x\.yaml: no top-level/,
    );
  });

  it('names the file and the key of a bad value', () => {
    const config = parseReadinessConfigText(
      `readiness:\n  checks:\n    readiness-probe:\n      severity: blocker\n`,
      'x.yaml',
      { checkIds },
    );
    expect(config.errors).toEqual([
      'x.yaml: readiness.checks.readiness-probe.severity: must be one of critical, high, medium, low, got "blocker"',
    ]);
  });
});
