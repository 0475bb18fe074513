import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadObjectsFromDirectory } from './loadObjects';
import { createKubeApiDouble } from './server';

describe('loadObjectsFromDirectory', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-api-double-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads multi-document YAML, JSON and kind: List, recursively', async () => {
    fs.writeFileSync(
      path.join(dir, 'a.yaml'),
      [
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop',
        '',
      ].join('\n---\n'),
    );
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(
      path.join(dir, 'nested', 'b.json'),
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'cart', namespace: 'shop' },
          },
          {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'db', namespace: 'shop' },
          },
        ],
      }),
    );
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a manifest');
    const objects = loadObjectsFromDirectory(dir);
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/shop',
      'Deployment/cart',
      'Service/cart',
      'Secret/db',
    ]);

    const double = await createKubeApiDouble({ objects });
    try {
      const res = await fetch(`${double.url}/api/v1/namespaces/shop/services`);
      expect((await res.json()).items[0].metadata.name).toBe('cart');
    } finally {
      await double.close();
    }
  });

  it('throws naming the file and line of a bad document, unless told to skip it', () => {
    fs.writeFileSync(
      path.join(dir, 'bad.yaml'),
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n---\nfoo: [unclosed\n',
    );
    expect(() => loadObjectsFromDirectory(dir)).toThrow(/bad\.yaml:\d+/);
    expect(
      loadObjectsFromDirectory(dir, { ignoreErrors: true }).map(
        o => o.metadata.name,
      ),
    ).toEqual(['ok']);
  });

  it('throws for a missing directory', () => {
    expect(() => loadObjectsFromDirectory(path.join(dir, 'nope'))).toThrow(
      /no such directory/,
    );
  });

  const example = path.resolve(__dirname, '../../../examples/clusters/prod-eu');
  // The example snapshot is maintained elsewhere; skip when it is not there.
  (fs.existsSync(example) ? describe : describe.skip)(
    'the example cluster',
    () => {
      it('loads the example cluster snapshot', () => {
        const objects = loadObjectsFromDirectory(example, {
          ignoreErrors: true,
        });
        expect(objects.length).toBeGreaterThan(50);
        expect(objects.some(o => o.kind === 'Deployment')).toBe(true);
      });
    },
  );
});
