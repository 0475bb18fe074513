import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProgram } from './program';
import { NOW, runCli } from './__testUtils__/cli';

describe('prodready program', () => {
  it('describes itself and the exit codes in its help', () => {
    const help = createProgram().helpInformation();
    expect(help).toContain('Usage: prodready');
    expect(help).toContain('Production readiness of Kubernetes workloads');
    expect(help).toContain('audit');
    expect(help).toContain('checks');
  });

  it('prints help and exits 0 without arguments, and for --help and --version', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Usage: prodready');

    const help = await runCli(['audit', '--help']);
    expect(help.code).toBe(0);
    for (const flag of [
      '--format',
      '--fail-on',
      '--config',
      '--kubeconfig [file]',
      '--context',
      '--cluster-name',
      '--no-color',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toContain('helm template . | prodready audit -');

    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('prodready audit: arguments', () => {
  it.each([
    [
      ['audit', 'shop', '--format', 'xml'],
      /argument 'xml' is invalid.*table, json, sarif, junit/s,
    ],
    [
      ['audit', 'shop', '--fail-on', 'medium'],
      /argument 'medium' is invalid.*no-go, critical, high, never/s,
    ],
    [['audit', 'shop', '--frobnicate'], /unknown option '--frobnicate'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [
      ['audit'],
      /nothing to audit: give manifest files or directories, - for standard input/,
    ],
    [
      ['audit', 'shop', '--kubeconfig'],
      /either manifest paths or --kubeconfig\/--context, not both/,
    ],
    [
      ['audit', 'shop', '--context', 'prod'],
      /either manifest paths or --kubeconfig\/--context, not both/,
    ],
    [['audit', 'no/such/dir'], /no\/such\/dir: no such file or directory/],
    [
      ['audit', 'shop', '--now', 'yesterday'],
      /--now: "yesterday" is not an ISO-8601 date/,
    ],
    [
      ['audit', 'shop', '--config', 'missing.yaml'],
      /cannot read the config file missing\.yaml: no such file/,
    ],
  ])('%j is a usage error: exit 2', async (args, message) => {
    const { code, stderr, stdout } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('parses the options of a full command line', async () => {
    const { code, stdout } = await runCli([
      'audit',
      'shop/checkout.yaml',
      '-f',
      'json',
      '--fail-on',
      'never',
      '--cluster-name',
      'ci',
      '--now',
      NOW,
      '--no-color',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.gate).toEqual({ failOn: 'never', passed: true });
    expect(json.summary.cluster).toBe('ci');
    expect(json.summary.evaluatedAt).toBe('2026-11-21T09:00:00.000Z');
    expect(json.workloads[0].ref).toEqual({
      cluster: 'ci',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'checkout',
    });
  });

  it('is an input error when nothing in the input is a Kubernetes object', async () => {
    const garbage = await runCli(['audit', 'broken/only-garbage.yaml']);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(
      /broken\/only-garbage\.yaml:\d+: invalid YAML/,
    );
    expect(garbage.stderr).toMatch(
      /no Kubernetes objects in the input \(1 file read\)/,
    );

    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-empty-'));
    try {
      const dir = await runCli(['audit', empty]);
      expect(dir.code).toBe(2);
      expect(dir.stderr).toMatch(
        /no Kubernetes objects in the input \(0 files read\)/,
      );
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }

    const catalogOnly = await runCli(['audit', 'catalog-info.yaml']);
    expect(catalogOnly.code).toBe(2);
  });
});
