import { ACME_OWNERS } from '../ScorecardPage/__testUtils__/acmeRetail';
import {
  countChildGroups,
  findOwnerRollup,
  ownerWithDescendants,
  rankOwners,
} from './ownerHierarchy';

describe('owner hierarchy', () => {
  it('collects a group and every group below it from the parent links', () => {
    expect(ownerWithDescendants('group:default/commerce', ACME_OWNERS)).toEqual(
      [
        'group:default/commerce',
        'group:default/checkout-team',
        'group:default/catalog-team',
        'group:default/web-team',
      ],
    );
    expect(ownerWithDescendants('group:default/ml-team', ACME_OWNERS)).toEqual([
      'group:default/ml-team',
    ]);
    expect(ownerWithDescendants('group:default/unknown', ACME_OWNERS)).toEqual([
      'group:default/unknown',
    ]);
  });

  it('goes down several levels and survives cycles', () => {
    const rollups = [
      { owner: 'group:default/a', parent: 'group:default/c' },
      { owner: 'group:default/b', parent: 'group:default/a' },
      { owner: 'group:default/c', parent: 'group:default/b' },
      { owner: 'group:default/d', parent: 'group:default/b' },
    ].map(r => ({ ...ACME_OWNERS[0], ...r }));
    expect(ownerWithDescendants('group:default/a', rollups)).toEqual([
      'group:default/a',
      'group:default/b',
      'group:default/c',
      'group:default/d',
    ]);
  });

  it('matches refs case-insensitively', () => {
    expect(findOwnerRollup('Group:default/Commerce', ACME_OWNERS)?.owner).toBe(
      'group:default/commerce',
    );
    expect(countChildGroups('group:default/commerce', ACME_OWNERS)).toBe(3);
    expect(countChildGroups('group:default/web-team', ACME_OWNERS)).toBe(0);
  });

  it('ranks by no-go services (most first), then mean score (lowest first), then ref', () => {
    expect(
      rankOwners(ACME_OWNERS).map(o => o.owner.replace('group:default/', '')),
    ).toEqual([
      'commerce',
      'data',
      'analytics-team',
      'web-team',
      'ml-team',
      'catalog-team',
      'checkout-team',
      'identity-team',
      'platform',
    ]);
  });

  it('puts owners without a mean score after the others with the same no-go count', () => {
    const base = ACME_OWNERS[0];
    const rollups = [
      {
        ...base,
        owner: 'group:default/x',
        verdicts: { go: 1, 'no-go': 0 },
        meanScore: null,
      },
      {
        ...base,
        owner: 'group:default/y',
        verdicts: { go: 1, 'no-go': 0 },
        meanScore: 90,
      },
    ];
    expect(rankOwners(rollups).map(o => o.owner)).toEqual([
      'group:default/y',
      'group:default/x',
    ]);
  });
});
