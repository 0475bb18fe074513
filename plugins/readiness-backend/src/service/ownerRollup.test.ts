import { Entity } from '@backstage/catalog-model';
import { StoredReport } from '../database/ReadinessStore';
import { readGroupHierarchy, rollupOwners } from './ownerRollup';

function group(
  name: string,
  spec: Record<string, unknown> = {},
  relations: Entity['relations'] = [],
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace },
    spec: { type: 'team', children: [], ...spec },
    relations,
  };
}

function report(
  name: string,
  owner: string,
  score: number | null,
): StoredReport {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    owner,
    state: 'evaluated',
    verdict: 'go',
    score,
    level: 'gold',
    coverage: 1,
    domainScores: {},
    failing: { critical: 0, high: 0, medium: 0, low: 0 },
    evaluatedAt: '2026-01-10T08:00:00.000Z',
    stale: false,
  };
}

describe('readGroupHierarchy', () => {
  it('reads parents from spec.parent, spec.children and relations, in the group namespace', () => {
    const hierarchy = readGroupHierarchy([
      group('root', { children: ['a'], profile: { displayName: 'Root' } }),
      group('a'),
      group('b', {}, [{ type: 'childOf', targetRef: 'group:default/a' }]),
      group('c', {}, [], 'other'),
      group('d', { parent: 'c' }, [], 'other'),
      group('e'),
      group('Root2', {}, [{ type: 'parentOf', targetRef: 'group:default/e' }]),
    ]);
    expect(hierarchy.get('group:default/a')?.parents).toEqual([
      'group:default/root',
    ]);
    expect(hierarchy.get('group:default/root')?.title).toBe('Root');
    expect(hierarchy.get('group:default/b')?.parents).toEqual([
      'group:default/a',
    ]);
    expect(hierarchy.get('group:other/d')?.parents).toEqual(['group:other/c']);
    expect(hierarchy.get('group:default/e')?.parents).toEqual([
      'group:default/root2',
    ]);
  });
});

describe('rollupOwners', () => {
  it('survives cycles and counts each entity once per group', () => {
    const hierarchy = readGroupHierarchy([
      group('a', { parent: 'b' }),
      group('b', { parent: 'a', children: ['a'] }),
    ]);
    const rows = rollupOwners({
      reports: [report('x', 'group:default/a', 40), report('y', 'b', 80)],
      hierarchy,
      failingChecks: new Map(),
      checks: [],
    });
    expect(rows.map(r => [r.owner, r.entityCount, r.meanScore])).toEqual([
      ['group:default/a', 2, 60],
      ['group:default/b', 2, 60],
    ]);
  });

  it('keeps a row for an owner that is not a readable group, and skips unowned entities', () => {
    const rows = rollupOwners({
      reports: [
        report('x', 'user:default/jane', null),
        { ...report('y', '', 10), owner: undefined },
      ],
      hierarchy: new Map(),
      failingChecks: new Map(),
      checks: [],
    });
    expect(rows).toEqual([
      expect.objectContaining({
        owner: 'user:default/jane',
        entityCount: 1,
        scoredCount: 0,
        meanScore: null,
      }),
    ]);
    expect(rows[0]).not.toHaveProperty('title');
    expect(rows[0]).not.toHaveProperty('parent');
  });

  it('lists at most five gaps, by severity then count', () => {
    const failing = (ids: string[]) =>
      ids.map(checkId => ({
        checkId,
        domain: 'security' as const,
        severity: (checkId.startsWith('crit') ? 'critical' : 'low') as
          | 'critical'
          | 'low',
      }));
    const rows = rollupOwners({
      reports: [
        report('x', 'group:default/a', 1),
        report('y', 'group:default/a', 1),
      ],
      hierarchy: new Map(),
      failingChecks: new Map([
        ['component:default/x', failing(['l1', 'l2', 'l3', 'l4', 'crit-a'])],
        ['component:default/y', failing(['l4', 'l5', 'l6'])],
      ]),
      checks: [],
    });
    expect(
      rows[0].worstGaps.map(g => [g.checkId, g.entityCount, g.title]),
    ).toEqual([
      ['crit-a', 1, 'crit-a'],
      ['l4', 2, 'l4'],
      ['l1', 1, 'l1'],
      ['l2', 1, 'l2'],
      ['l3', 1, 'l3'],
    ]);
  });
});
