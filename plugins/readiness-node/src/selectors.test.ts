import {
  formatLabelSelector,
  LabelSelector,
  LabelSelectorError,
  LabelSelectorRequirement,
  matchesLabelMap,
  matchesLabelSelector,
  matchesRequirements,
  parseLabelSelector,
  selectorRequirements,
} from './selectors';

/** The error `parseLabelSelector` throws for `input` (fails the test when it does not throw). */
function parseError(input: string): LabelSelectorError {
  try {
    parseLabelSelector(input);
  } catch (e) {
    expect(e).toBeInstanceOf(LabelSelectorError);
    return e as LabelSelectorError;
  }
  throw new Error(`"${input}" parsed without error`);
}

const cartPod = {
  'app.kubernetes.io/name': 'cart',
  'app.kubernetes.io/part-of': 'shop',
  tier: 'web',
  'pod-template-hash': '7d9f8c6b5',
};

describe('parseLabelSelector', () => {
  it.each<[string, LabelSelectorRequirement[]]>([
    ['a=b', [{ key: 'a', operator: 'In', values: ['b'] }]],
    ['a==b', [{ key: 'a', operator: 'In', values: ['b'] }]],
    ['a!=b', [{ key: 'a', operator: 'NotIn', values: ['b'] }]],
    ['a in (x,y)', [{ key: 'a', operator: 'In', values: ['x', 'y'] }]],
    ['a notin (x)', [{ key: 'a', operator: 'NotIn', values: ['x'] }]],
    ['a', [{ key: 'a', operator: 'Exists' }]],
    ['!a', [{ key: 'a', operator: 'DoesNotExist' }]],
    ['a=', [{ key: 'a', operator: 'In', values: [''] }]],
    ['a!=', [{ key: 'a', operator: 'NotIn', values: [''] }]],
    ['a=,b=', [{ key: 'a', operator: 'In', values: [''] }, { key: 'b', operator: 'In', values: [''] }]],
    // As in Kubernetes: `()` is the set of the empty value, and an empty item between commas is ''.
    ['a in ()', [{ key: 'a', operator: 'In', values: [''] }]],
    ['x in (foo,,baz)', [{ key: 'x', operator: 'In', values: ['foo', '', 'baz'] }]],
    ['version=1.4.2_rc-1', [{ key: 'version', operator: 'In', values: ['1.4.2_rc-1'] }]],
    ['a in(x)', [{ key: 'a', operator: 'In', values: ['x'] }]],
  ])('parses %j', (input, expected) => {
    expect(parseLabelSelector(input)).toStrictEqual(expected);
  });

  it('parses every operator in one selector, in order', () => {
    expect(parseLabelSelector('app.kubernetes.io/name=cart,tier!=db,env in (prod,staging),track notin (canary),release,!debug')).toStrictEqual([
      { key: 'app.kubernetes.io/name', operator: 'In', values: ['cart'] },
      { key: 'tier', operator: 'NotIn', values: ['db'] },
      { key: 'env', operator: 'In', values: ['prod', 'staging'] },
      { key: 'track', operator: 'NotIn', values: ['canary'] },
      { key: 'release', operator: 'Exists' },
      { key: 'debug', operator: 'DoesNotExist' },
    ]);
  });

  it('skips spaces around keys, operators, values, parentheses and commas', () => {
    expect(parseLabelSelector('  a = b ,  c  in  ( x , y ) , ! d , e == f , g != h ')).toStrictEqual([
      { key: 'a', operator: 'In', values: ['b'] },
      { key: 'c', operator: 'In', values: ['x', 'y'] },
      { key: 'd', operator: 'DoesNotExist' },
      { key: 'e', operator: 'In', values: ['f'] },
      { key: 'g', operator: 'NotIn', values: ['h'] },
    ]);
  });

  it('skips tabs and line breaks as Kubernetes does (a folded or literal YAML annotation)', () => {
    expect(parseLabelSelector('app.kubernetes.io/name=cart,\n\ttier in (web,\r\n api)\n')).toStrictEqual([
      { key: 'app.kubernetes.io/name', operator: 'In', values: ['cart'] },
      { key: 'tier', operator: 'In', values: ['web', 'api'] },
    ]);
  });

  it('reads prefixed keys', () => {
    expect(parseLabelSelector('app.kubernetes.io/name in (cart,checkout),!backstage.io/kubernetes-id')).toStrictEqual([
      { key: 'app.kubernetes.io/name', operator: 'In', values: ['cart', 'checkout'] },
      { key: 'backstage.io/kubernetes-id', operator: 'DoesNotExist' },
    ]);
  });

  it('gives no requirements (selects everything) for an empty or blank string', () => {
    expect(parseLabelSelector('')).toStrictEqual([]);
    expect(parseLabelSelector('   ')).toStrictEqual([]);
  });

  it.each<[string, number, string]>([
    ['a in (x,y', 9, 'missing ")" to close the set of "a"'],
    ['a=b,', 3, 'a trailing "," with no requirement after it'],
    ['a=b,  ', 3, 'a trailing "," with no requirement after it'],
    ['in (x)', 0, 'expected a label key before "in"'],
    ['notin (x)', 0, 'expected a label key before "notin"'],
    ['a ~ b', 2, 'expected an operator (=, ==, !=, in, notin) after "a", found "~"'],
    ['a IN (x)', 2, 'expected an operator (=, ==, !=, in, notin) after "a", found "IN"'],
    ['a=(b)', 2, 'unexpected "("'],
    ['x==a==b', 4, 'unexpected "="'],
    ['a$b=c', 0, '"a$b" is not a valid label key'],
    ['a=b$c', 2, '"b$c" is not a valid label value'],
    ['tier in (web,a$b)', 13, '"a$b" is not a valid label value'],
    ['-a=b', 0, '"-a" is not a valid label key'],
    ['a=b-', 2, '"b-" is not a valid label value'],
    ['Example.COM/name=x', 0, '"Example.COM" is not a valid label key prefix'],
    ['/name=x', 0, '"" is not a valid label key prefix'],
    ['a/b/c=x', 0, '"a/b/c" is not a valid label key'],
    [`${'k'.repeat(64)}=x`, 0, `"${'k'.repeat(64)}" is not a valid label key`],
    [`a=${'v'.repeat(64)}`, 2, `"${'v'.repeat(64)}" is not a valid label value`],
    ['a in x', 5, 'expected "(" after "in"'],
    ['a in (x y)', 8, 'unexpected "y" in a value set'],
    ['a=b c', 4, 'expected "," between requirements, found "c"'],
    ['!x=a', 2, 'expected "," between requirements, found "="'],
    [',a', 0, 'expected a label key'],
    ['a,,b', 2, 'expected a label key'],
    ['!', 1, 'expected a label key'],
    ['a!b', 1, 'expected "=", "==" or "!=" after "a"'],
  ])('rejects %j at position %d: %s', (input, position, reason) => {
    const error = parseError(input);
    expect(error.name).toBe('LabelSelectorError');
    expect(error.selector).toBe(input);
    expect(error.position).toBe(position);
    expect(error.message).toBe(`invalid label selector "${input}" at position ${position + 1}: ${reason}`);
  });

  it('accepts the longest valid keys and values (63-character name, 253-character prefix)', () => {
    const prefix = `${'p'.repeat(60)}.${'q'.repeat(60)}.${'r'.repeat(60)}.${'s'.repeat(60)}.example`;
    expect(prefix.length).toBeLessThanOrEqual(253);
    const key = `${prefix}/${'n'.repeat(63)}`;
    expect(parseLabelSelector(`${key}=${'v'.repeat(63)}`)).toStrictEqual([{ key, operator: 'In', values: ['v'.repeat(63)] }]);
  });
});

describe('formatLabelSelector', () => {
  it.each([
    ['a=b', 'a=b'],
    ['a==b', 'a=b'],
    ['a!=b', 'a!=b'],
    ['a in (x)', 'a=x'],
    ['a notin (x)', 'a!=x'],
    [' a in ( x , y ) ', 'a in (x,y)'],
    ['a notin (x,y)', 'a notin (x,y)'],
    ['a', 'a'],
    ['!a', '!a'],
    ['a=', 'a='],
    ['x in (foo,,baz)', 'x in (foo,,baz)'],
    ['app.kubernetes.io/name=cart, tier!=db, env in (prod,staging), release, !debug', 'app.kubernetes.io/name=cart,tier!=db,env in (prod,staging),release,!debug'],
    ['', ''],
  ])('prints %j as %j, which parses back to the same requirements', (input, printed) => {
    const reqs = parseLabelSelector(input);
    expect(formatLabelSelector(reqs)).toBe(printed);
    expect(parseLabelSelector(printed)).toStrictEqual(reqs);
  });
});

describe('selectorRequirements', () => {
  it('turns matchLabels into In requirements followed by the expressions', () => {
    expect(
      selectorRequirements({
        matchLabels: { 'app.kubernetes.io/name': 'cart', tier: 'web' },
        matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }],
      }),
    ).toStrictEqual([
      { key: 'app.kubernetes.io/name', operator: 'In', values: ['cart'] },
      { key: 'tier', operator: 'In', values: ['web'] },
      { key: 'track', operator: 'NotIn', values: ['canary'] },
    ]);
  });

  it('gives no requirements for an empty selector or null fields', () => {
    expect(selectorRequirements({})).toStrictEqual([]);
    expect(selectorRequirements({ matchLabels: null, matchExpressions: null })).toStrictEqual([]);
  });
});

describe('matchesLabelSelector', () => {
  it('selects nothing without a selector', () => {
    expect(matchesLabelSelector(undefined, cartPod)).toBe(false);
    expect(matchesLabelSelector(null, cartPod)).toBe(false);
  });

  it('selects everything, even objects without labels, with an empty selector', () => {
    expect(matchesLabelSelector({}, cartPod)).toBe(true);
    expect(matchesLabelSelector({}, {})).toBe(true);
    expect(matchesLabelSelector({}, undefined)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: {}, matchExpressions: [] }, cartPod)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: null, matchExpressions: null }, cartPod)).toBe(true);
  });

  it('needs every matchLabels pair', () => {
    expect(matchesLabelSelector({ matchLabels: { 'app.kubernetes.io/name': 'cart', tier: 'web' } }, cartPod)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { 'app.kubernetes.io/name': 'cart', tier: 'db' } }, cartPod)).toBe(false);
    expect(matchesLabelSelector({ matchLabels: { 'app.kubernetes.io/name': 'cart', zone: 'a' } }, cartPod)).toBe(false);
    expect(matchesLabelSelector({ matchLabels: { 'app.kubernetes.io/name': 'cart' } }, undefined)).toBe(false);
  });

  it('ANDs matchLabels with matchExpressions', () => {
    const selector = (tracks: string[]): LabelSelector => ({
      matchLabels: { 'app.kubernetes.io/name': 'cart' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'api'] },
        { key: 'track', operator: 'NotIn', values: tracks },
      ],
    });
    expect(matchesLabelSelector(selector(['canary']), cartPod)).toBe(true);
    expect(matchesLabelSelector(selector(['canary']), { ...cartPod, track: 'canary' })).toBe(false);
    expect(matchesLabelSelector(selector(['canary']), { ...cartPod, tier: 'db' })).toBe(false);
    expect(matchesLabelSelector(selector(['canary']), { ...cartPod, 'app.kubernetes.io/name': 'checkout' })).toBe(false);
  });

  it('In needs the key with one of the values', () => {
    const sel: LabelSelector = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'web'] }] };
    expect(matchesLabelSelector(sel, cartPod)).toBe(true);
    expect(matchesLabelSelector(sel, { ...cartPod, tier: 'db' })).toBe(false);
    expect(matchesLabelSelector(sel, { 'app.kubernetes.io/name': 'cart' })).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In' }] }, cartPod)).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }, cartPod)).toBe(false);
  });

  it('NotIn matches when the key is absent or has another value', () => {
    const sel: LabelSelector = { matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary', 'shadow'] }] };
    expect(matchesLabelSelector(sel, cartPod)).toBe(true);
    expect(matchesLabelSelector(sel, { ...cartPod, track: 'stable' })).toBe(true);
    expect(matchesLabelSelector(sel, { ...cartPod, track: 'shadow' })).toBe(false);
    expect(matchesLabelSelector(sel, undefined)).toBe(true);
    expect(matchesLabelSelector(sel, null)).toBe(true);
  });

  it('Exists and DoesNotExist look at the key only', () => {
    const exists: LabelSelector = { matchExpressions: [{ key: 'pod-template-hash', operator: 'Exists' }] };
    const absent: LabelSelector = { matchExpressions: [{ key: 'pod-template-hash', operator: 'DoesNotExist' }] };
    expect(matchesLabelSelector(exists, cartPod)).toBe(true);
    expect(matchesLabelSelector(exists, { ...cartPod, 'pod-template-hash': '' })).toBe(true);
    expect(matchesLabelSelector(exists, { tier: 'web' })).toBe(false);
    expect(matchesLabelSelector(absent, cartPod)).toBe(false);
    expect(matchesLabelSelector(absent, { tier: 'web' })).toBe(true);
    expect(matchesLabelSelector(absent, undefined)).toBe(true);
  });

  it('does not take inherited properties for labels', () => {
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'toString', operator: 'Exists' }] }, { tier: 'web' })).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'constructor', operator: 'DoesNotExist' }] }, { tier: 'web' })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['matchExpressions is not a list', { matchExpressions: { key: 'tier', operator: 'Exists' } }],
    ['matchExpressions is a string', { matchExpressions: 'tier in (web)' }],
    ['an expression has no key', { matchExpressions: [{ operator: 'Exists' }] }],
    ['an expression has a numeric key', { matchExpressions: [{ key: 1, operator: 'Exists' }] }],
    ['an expression is null', { matchExpressions: [null] }],
    ['values is not a list', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: 'db' }] }],
    ['the operator is unknown', { matchExpressions: [{ key: 'tier', operator: 'Equals', values: ['web'] }] }],
    ['the operator is lower case', { matchExpressions: [{ key: 'tier', operator: 'exists' }] }],
    ['matchLabels is a list', { matchLabels: [{ tier: 'web' }] }],
    ['matchLabels is a string', { matchLabels: 'tier=web' }],
    ['the selector is a list', []],
    ['the selector is a string', 'tier=web'],
    ['the selector is a number', 42],
  ])('selects nothing, without throwing, when %s', (_what, selector) => {
    expect(matchesLabelSelector(selector as LabelSelector, cartPod)).toBe(false);
    expect(matchesLabelSelector(selector as LabelSelector, {})).toBe(false);
  });

  it('a malformed expression fails the whole selector even beside valid ones', () => {
    const selector = {
      matchLabels: { tier: 'web' },
      matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'Exists' }, { operator: 'DoesNotExist' }],
    } as unknown as LabelSelector;
    expect(matchesLabelSelector(selector, cartPod)).toBe(false);
  });
});

describe('matchesRequirements', () => {
  it('needs all parsed requirements', () => {
    const reqs = parseLabelSelector('app.kubernetes.io/name=cart,tier in (web,api),track!=canary,pod-template-hash,!debug');
    expect(matchesRequirements(reqs, cartPod)).toBe(true);
    expect(matchesRequirements(reqs, { ...cartPod, debug: 'true' })).toBe(false);
    expect(matchesRequirements(reqs, { ...cartPod, track: 'canary' })).toBe(false);
    const { 'pod-template-hash': _hash, ...withoutHash } = cartPod;
    expect(matchesRequirements(reqs, withoutHash)).toBe(false);
  });

  it('matches everything with no requirements', () => {
    expect(matchesRequirements([], cartPod)).toBe(true);
    expect(matchesRequirements([], undefined)).toBe(true);
  });

  it('an empty value matches an empty label value only', () => {
    const reqs = parseLabelSelector('canary=');
    expect(matchesRequirements(reqs, { canary: '' })).toBe(true);
    expect(matchesRequirements(reqs, { canary: 'true' })).toBe(false);
    expect(matchesRequirements(reqs, {})).toBe(false);
  });
});

describe('matchesLabelMap', () => {
  it('needs every pair of the map', () => {
    expect(matchesLabelMap({ 'app.kubernetes.io/name': 'cart' }, cartPod)).toBe(true);
    expect(matchesLabelMap({ 'app.kubernetes.io/name': 'cart', tier: 'web' }, cartPod)).toBe(true);
    expect(matchesLabelMap({ 'app.kubernetes.io/name': 'cart', tier: 'db' }, cartPod)).toBe(false);
    expect(matchesLabelMap({ 'app.kubernetes.io/name': 'cart', zone: 'a' }, cartPod)).toBe(false);
  });

  it('selects nothing with an empty or absent map (a Service without selector has no endpoints)', () => {
    expect(matchesLabelMap({}, cartPod)).toBe(false);
    expect(matchesLabelMap(undefined, cartPod)).toBe(false);
    expect(matchesLabelMap(null, cartPod)).toBe(false);
  });

  it('matches no object without labels', () => {
    expect(matchesLabelMap({ tier: 'web' }, undefined)).toBe(false);
    expect(matchesLabelMap({ tier: 'web' }, null)).toBe(false);
    expect(matchesLabelMap({ tier: 'web' }, {})).toBe(false);
  });
});
