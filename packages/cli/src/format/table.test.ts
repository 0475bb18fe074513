import { NOW, runCli } from '../__testUtils__/cli';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (line: string) => line.replace(ANSI, '');

describe('--format table', () => {
  it('groups by workload then domain, failures first, with symbols, ids, fix hints and a summary line', async () => {
    const { stdout, code } = await runCli([
      'audit',
      'shop',
      'catalog-info.yaml',
      '--now',
      NOW,
    ]);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(stdout).not.toMatch(ANSI); // not a terminal: no colour

    expect(lines[0]).toBe(
      'prodready audit of 3 workloads in manifests for component:default/cart: 52 checks',
    );
    const cart = lines.indexOf('Deployment shop/cart  shop/cart.yaml:4');
    const worker = lines.indexOf(
      'Deployment shop/cart-worker  shop/cart.yaml:66',
    );
    const checkout = lines.indexOf(
      'Deployment shop/checkout  shop/checkout.yaml:9',
    );
    expect(cart).toBeGreaterThan(0);
    expect(worker).toBeGreaterThan(cart);
    expect(checkout).toBeGreaterThan(worker);

    const cartSection = lines.slice(cart, worker);
    expect(cartSection[1]).toMatch(
      /^ {2}✗ \d+ fail \(\d+ critical.*\) · \? \d+ unknown · ~ 1 waived · ✓ \d+ pass$/,
    );
    // Within a domain: fail, then unknown, then waived, then the passing ids on one line.
    const packaging = cartSection.indexOf(
      '  Packaging & traffic (packaging-traffic)',
    );
    const probe = cartSection.findIndex(l =>
      l.startsWith(
        "    ✗ critical readiness-probe: container 'cart' has no readinessProbe",
      ),
    );
    const waived = cartSection.findIndex(l =>
      l.startsWith('    ~ medium   no-nodeport-exposure: '),
    );
    const passing = cartSection.findIndex(
      (l, i) => i > packaging && l.startsWith('    ✓ pass     '),
    );
    expect(packaging).toBeGreaterThan(0);
    expect(probe).toBeGreaterThan(packaging);
    expect(cartSection[probe + 1]).toMatch(
      /^ {15}fix: Add a readinessProbe to every container/,
    );
    expect(waived).toBeGreaterThan(probe);
    expect(
      cartSection
        .slice(waived, waived + 3)
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toContain('risk accepted until 2099-12-31');
    expect(passing).toBeGreaterThan(waived);
    expect(cartSection.join('\n')).toContain(
      '(accepted risk expired on 2026-01-31)',
    );
    expect(cartSection.join('\n')).not.toContain('n/a');

    const summaryAt = lines.findIndex(l =>
      l.startsWith('Summary: 3 workloads in manifests'),
    );
    expect(summaryAt).toBeGreaterThan(checkout);
    expect(lines[summaryAt + 1]).toMatch(
      /^ {2}domain +score +coverage +fail +unknown +waived +pass$/,
    );
    expect(stdout).toContain('Blocking the release (critical failures):');
    expect(stdout).toMatch(
      /\n {2}✗ readiness-probe on Deployment shop\/cart, Deployment shop\/cart-worker: container 'cart' has no\s+readinessProbe\n/,
    );
    expect(stdout).toMatch(
      /\nNO-GO {2}score \d+ · level None · coverage \d+% · \d+ fail \(\d+ critical, \d+ high, \d+ medium, \d+ low\) · \d+ unknown · 1 waived\s+(· )?\d+ pass\n/,
    );
    expect(stdout).toContain('\ngate --fail-on no-go: failed (exit 1)\n');
  });

  it('keeps every line within 120 columns, and within a narrower terminal', async () => {
    for (const [columns, limit] of [
      [undefined, 120],
      [200, 120],
      [80, 80],
    ] as const) {
      const { stdout } = await runCli(
        ['audit', 'shop', '--verbose', '--now', NOW],
        { columns },
      );
      const longest = Math.max(
        ...stdout.split('\n').map(l => visible(l).length),
      );
      expect(longest).toBeLessThanOrEqual(limit);
    }
  });

  it('lists not-applicable checks and passing messages only with --verbose', async () => {
    const { stdout } = await runCli([
      'audit',
      'shop/00-namespace.yaml',
      'shop/checkout.yaml',
      '--verbose',
      '--now',
      NOW,
    ]);
    expect(stdout).toMatch(/\n {4}- n\/a {6}stateful-storage: /);
    expect(stdout).toMatch(
      /\n {4}✓ critical readiness-probe: all 1 container\(s\) have a readinessProbe/,
    );
    expect(stdout).toContain('GO  score');
    expect(stdout).toContain('gate --fail-on no-go: passed');
  });

  it('colours a terminal, unless --no-color or NO_COLOR; FORCE_COLOR colours a pipe', async () => {
    const args = ['audit', 'shop/checkout.yaml', '--now', NOW];
    expect((await runCli(args, { tty: true })).stdout).toMatch(ANSI);
    expect(
      (await runCli([...args, '--no-color'], { tty: true })).stdout,
    ).not.toMatch(ANSI);
    expect(
      (await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toMatch(ANSI);
    expect((await runCli(args, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(
      ANSI,
    );
    const coloured = (await runCli(args, { tty: true })).stdout;
    expect(visible(coloured)).toBe((await runCli(args)).stdout);
  });

  it('says when the input holds no workload', async () => {
    const { stdout, code } = await runCli([
      'audit',
      'shop/00-namespace.yaml',
      '--now',
      NOW,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('No workloads in the input');
    expect(stdout).toContain('GO  score n/d');
  });
});
