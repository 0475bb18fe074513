import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseManifests, readManifestPaths, snapshotFromManifests } from './manifests';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  replicas: 2
`;

describe('parseManifests', () => {
  it('reads multi-document YAML, skipping empty documents', () => {
    const parsed = parseManifests(`---\n${deployment('cart')}---\n---\n${deployment('checkout')}`, 'app.yaml');
    expect(parsed.objects.map(o => o.metadata.name)).toEqual(['cart', 'checkout']);
    expect(parsed.errors).toEqual([]);
  });

  it('flattens kind: List and typed lists, filling in the item kind', () => {
    const list = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [JSON.parse(JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'cart', namespace: 'shop' } }))],
    });
    expect(parseManifests(list).objects.map(o => o.kind)).toEqual(['Service']);
    const typed = JSON.stringify({ apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'p1', namespace: 'shop' } }] });
    expect(parseManifests(typed).objects[0]).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p1' } });
  });

  it('reports a malformed document with file and line and keeps the others', () => {
    const text = `${deployment('cart')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n---\n${deployment('checkout')}`;
    const parsed = parseManifests(text, 'chart.yaml');
    expect(parsed.objects.map(o => o.metadata.name)).toEqual(['cart', 'checkout']);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0].message).toMatch(/^chart\.yaml:1[23]: invalid YAML in the document starting at line 9: /);
    expect(parsed.errors[0].origin?.file).toBe('chart.yaml');
  });

  it('names what a non-object document lacks', () => {
    const parsed = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n', 'cm.yaml');
    expect(parsed.objects).toEqual([]);
    expect(parsed.errors[0].message).toBe('cm.yaml:1: the document is an object without metadata.name, not a Kubernetes object; skipped');
  });

  it('reads JSON documents', () => {
    const parsed = parseManifests(JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }));
    expect(parsed.objects[0].kind).toBe('Namespace');
  });
});

describe('readManifestPaths', () => {
  it('walks directories in order and reports unreadable paths by name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-manifests-'));
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(path.join(dir, 'b.yaml'), deployment('b'));
    fs.writeFileSync(path.join(dir, 'nested', 'a.yml'), deployment('a'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a manifest');
    const parsed = readManifestPaths([dir]);
    expect(parsed.objects.map(o => o.metadata.name)).toEqual(['b', 'a']);
    const missing = readManifestPaths([path.join(dir, 'nope.yaml')]);
    expect(missing.errors[0].message).toContain('nope.yaml');
  });
});

describe('snapshotFromManifests', () => {
  it('marks custom resource kinds absent from the input as missing, built-in kinds never', () => {
    const snap = snapshotFromManifests('manifests', parseManifests(deployment('cart')));
    const missing = snap.missing!.map(m => m.plural);
    expect(missing).toContain('schedules');
    expect(missing).toContain('servicemonitors');
    expect(missing).not.toContain('poddisruptionbudgets');
    const withVelero = snapshotFromManifests(
      'manifests',
      parseManifests(`${deployment('cart')}---\napiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: daily\n  namespace: velero\n`),
    );
    expect(withVelero.missing!.map(m => m.plural)).not.toContain('schedules');
    expect(withVelero.missing!.map(m => m.plural)).not.toContain('backups');
  });
});

describe('object origins', () => {
  it('records the start line of every object, List items included, index for index', () => {
    const text = `# a comment
apiVersion: v1
kind: Service
metadata: {name: a, namespace: shop}
---

apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: b
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: c}
---
bad: [
---
apiVersion: v1
kind: Pod
metadata: {name: d}
`;
    const parsed = parseManifests(text, 'x.yaml');
    expect(parsed.objects.map((o, i) => `${o.kind}/${o.metadata.name}@${parsed.origins[i].file}:${parsed.origins[i].line}`)).toEqual([
      'Service/a@x.yaml:2',
      'Deployment/b@x.yaml:10',
      'ConfigMap/c@x.yaml:14',
      'Pod/d@x.yaml:20',
    ]);
  });

  it('locates JSON objects by file only, without a second parse', () => {
    const parsed = parseManifests('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}', 'p.json');
    expect(parsed.origins).toEqual([{ file: 'p.json' }]);
  });
});
