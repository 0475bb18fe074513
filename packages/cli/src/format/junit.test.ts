import { NOW, runCli } from '../__testUtils__/cli';
import { xmlEscape } from './junit';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ENTITIES[e]);

/** A strict little XML reader for the test: throws on unbalanced tags, stray `<`/`&` or bad attributes. */
function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const root: XmlElement = {
    name: '#root',
    attributes: {},
    children: [],
    text: '',
  };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < body.length) {
    if (body[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(body);
      if (!m)
        throw new Error(`malformed tag at ${i}: ${body.slice(i, i + 40)}`);
      const [, closing, name, attrText, selfClosing] = m;
      if (closing) {
        const open = stack.pop()!;
        if (open.name !== name)
          throw new Error(`</${name}> closes <${open.name}>`);
      } else {
        const attributes: Record<string, string> = {};
        for (const a of attrText.matchAll(/([\w-]+)="([^"]*)"/g))
          attributes[a[1]] = unescape(a[2]);
        const element: XmlElement = {
          name,
          attributes,
          children: [],
          text: '',
        };
        stack[stack.length - 1].children.push(element);
        if (!selfClosing) stack.push(element);
      }
      i = tag.lastIndex;
    } else {
      const next = body.indexOf('<', i);
      const text = body.slice(i, next < 0 ? undefined : next);
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(text))
        throw new Error(`unescaped & in ${text}`);
      stack[stack.length - 1].text += unescape(text);
      i = next < 0 ? body.length : next;
    }
  }
  if (stack.length !== 1)
    throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return root.children[0];
}

describe('--format junit', () => {
  it('is well-formed XML: one testsuite per workload, one testcase per check, counts that add up', async () => {
    const { stdout, code } = await runCli([
      'audit',
      'shop',
      'catalog-info.yaml',
      '-f',
      'junit',
      '--now',
      NOW,
    ]);
    expect(code).toBe(1);
    expect(stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(
      true,
    );
    const suites = parseXml(stdout);
    expect(suites.name).toBe('testsuites');
    expect(suites.children.map(s => s.attributes.name)).toEqual([
      'Deployment shop/cart',
      'Deployment shop/cart-worker',
      'Deployment shop/checkout',
    ]);
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const suite of suites.children) {
      const cases = suite.children.filter(c => c.name === 'testcase');
      expect(cases).toHaveLength(52);
      const failed = cases.filter(c =>
        c.children.some(x => x.name === 'failure'),
      ).length;
      const skips = cases.filter(c =>
        c.children.some(x => x.name === 'skipped'),
      ).length;
      expect(Number(suite.attributes.tests)).toBe(cases.length);
      expect(Number(suite.attributes.failures)).toBe(failed);
      expect(Number(suite.attributes.skipped)).toBe(skips);
      expect(suite.attributes.errors).toBe('0');
      tests += cases.length;
      failures += failed;
      skipped += skips;
    }
    expect(Number(suites.attributes.tests)).toBe(tests);
    expect(Number(suites.attributes.failures)).toBe(failures);
    expect(Number(suites.attributes.skipped)).toBe(skipped);
    expect(suites.attributes.name).toMatch(
      /^prodready \S+: NO-GO, score \d+, level None$/,
    );
  });

  it('maps statuses: failure for fail, skipped for not-applicable and unknown, passing with system-out for waived', async () => {
    const { stdout } = await runCli([
      'audit',
      'shop',
      'catalog-info.yaml',
      '-f',
      'junit',
      '--now',
      NOW,
    ]);
    const cart = parseXml(stdout).children[0];
    expect(cart.attributes.file).toBe('shop/cart.yaml');
    const testcase = (id: string) =>
      cart.children.find(
        c => c.name === 'testcase' && c.attributes.name === id,
      )!;

    const probe = testcase('readiness-probe');
    expect(probe.attributes.classname).toBe('packaging-traffic');
    expect(probe.children[0].name).toBe('failure');
    expect(probe.children[0].attributes).toEqual({
      message: "container 'cart' has no readinessProbe",
      type: 'critical',
    });
    expect(probe.children[0].text).toContain(
      'at Deployment shop/cart spec.template.spec.containers[0].readinessProbe',
    );
    expect(probe.children[0].text).toContain('fix: Add a readinessProbe');

    expect(testcase('stateful-storage').children).toEqual([
      { name: 'skipped', attributes: {}, children: [], text: '' },
    ]);
    const unknown = testcase('backup-scheduled').children[0];
    expect(unknown.name).toBe('skipped');
    expect(unknown.attributes.message).toMatch(
      /^unknown: cannot read schedules/,
    );

    const waived = testcase('no-nodeport-exposure');
    expect(waived.children.map(c => c.name)).toEqual(['system-out']);
    expect(waived.children[0].text).toContain('accepted until 2099-12-31');

    expect(testcase('liveness-probe').children).toEqual([]);
  });

  it('adds a testsuite for input errors and entity configuration errors', async () => {
    const stdin = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
  annotations:
    prodready.dev/accept.readiness-probe: "soon"
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: x}
spec: {containers: [{name: a, image: "nginx:1.27"}]}
---
oops: [
`;
    const { stdout } = await runCli(
      ['audit', '-', '-f', 'junit', '--now', NOW],
      { stdin },
    );
    const suites = parseXml(stdout);
    const input = suites.children.find(
      s => s.attributes.name === 'prodready input',
    )!;
    expect(input.attributes).toMatchObject({
      tests: '2',
      failures: '1',
      errors: '1',
    });
    expect(input.children[0].children[0].name).toBe('error');
    expect(input.children[0].children[0].attributes.message).toMatch(
      /^<stdin>:\d+: invalid YAML/,
    );
    expect(input.children[1].children[0]).toMatchObject({
      name: 'failure',
      attributes: {
        type: 'configuration',
        message:
          'component:default/web annotation prodready.dev/accept.readiness-probe: missing "until=YYYY-MM-DD"',
      },
    });
  });

  it('escapes XML special characters and drops characters XML cannot carry', () => {
    expect(xmlEscape(`a & b < c > d "e" 'f'\u0000\u0007\tg`)).toBe(
      'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;\tg',
    );
  });
});
