'use strict';
/*
 * Child process of bench/backend/run.js: fake Kubernetes clusters (kube-api-double instances on
 * 127.0.0.1) holding a shop-like platform made by bench/engine/generate.js, split across the
 * clusters. Each cluster gets its own namespaces (`c<i>-shop-NNNN`), so every workload has a
 * distinct `backstage.io/kubernetes-id`. The generator makes ~4.5 pods per workload; pods are
 * cloned (more replicas of the same ReplicaSet) until the pod target is reached.
 *
 * Talks to the parent over IPC:
 *   -> { type: 'ready', clusters: [{ name, url, objects, pods, workloads }], ids: [kubernetes-id...] }
 *   <- { type: 'requests' }  -> { type: 'requests', byCluster: { name: total } }
 *   <- { type: 'reset' }     -> { type: 'reset' }
 *   <- { type: 'close' }     (closes the servers and exits)
 */
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
require(path.join(
  root,
  'node_modules/@backstage/cli/config/nodeTransform.cjs',
));
const { generate } = require(path.join(root, 'bench/engine/generate.js'));
const { createKubeApiDouble } = require(path.join(
  root,
  'packages/kube-api-double/src',
));

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
]);
const ID_LABEL = 'backstage.io/kubernetes-id';

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

/** Objects of one cluster: `namespaces` generated namespaces, renamed with the cluster prefix. */
function generateCluster(index, namespaces, seed) {
  const prefix = `c${index}-`;
  const renameNs = ns => (ns && ns.startsWith('shop-') ? prefix + ns : ns);
  const objects = [];
  const counts = { pods: 0, workloads: 0 };
  const ids = [];
  generate({
    namespaces,
    seed,
    write: shared => {
      // The generator shares label maps and pod specs between objects: copy before renaming.
      const o = JSON.parse(JSON.stringify(shared));
      if (o.kind === 'Namespace') {
        o.metadata.name = renameNs(o.metadata.name);
        o.metadata.labels['kubernetes.io/metadata.name'] = o.metadata.name;
      }
      o.metadata.namespace = renameNs(o.metadata.namespace);
      const relabel = labels => {
        if (labels && labels[ID_LABEL] && !labels[ID_LABEL].startsWith(prefix))
          labels[ID_LABEL] = prefix + labels[ID_LABEL];
      };
      relabel(o.metadata.labels);
      relabel(
        o.spec &&
          o.spec.template &&
          o.spec.template.metadata &&
          o.spec.template.metadata.labels,
      );
      if (o.kind === 'Pod') counts.pods += 1;
      if (WORKLOAD_KINDS.has(o.kind)) {
        counts.workloads += 1;
        ids.push(o.metadata.labels[ID_LABEL]);
      }
      objects.push(o);
    },
  });
  return { objects, counts, ids };
}

/** Adds pod replicas (clones with new names and uids) until the cluster holds `target` pods. */
function addPods(objects, counts, target, index) {
  const pods = objects.filter(o => o.kind === 'Pod');
  let n = 0;
  while (counts.pods < target && pods.length > 0) {
    const source = pods[n % pods.length];
    const clone = JSON.parse(JSON.stringify(source));
    clone.metadata.name = `${source.metadata.name}-r${
      Math.floor(n / pods.length) + 1
    }`;
    clone.metadata.uid = `7a000000-0000-4000-8000-${index
      .toString(16)
      .padStart(2, '0')}${n.toString(16).padStart(10, '0')}`;
    objects.push(clone);
    counts.pods += 1;
    n += 1;
  }
}

async function main() {
  const clusterCount = Number(arg('clusters', '3'));
  const podTarget = Number(arg('pods', '100000'));
  const workloadTarget = Number(arg('workloads', '10000'));
  const token = arg('token', 'bench-cluster-token');

  // Workloads per namespace, measured on a small sample of the same generator.
  const sample = generateCluster(0, 50, 7);
  const workloadsPerNamespace = sample.counts.workloads / 50;

  const clusters = [];
  const ids = [];
  const doubles = [];
  for (let i = 0; i < clusterCount; i++) {
    const wanted = Math.round(workloadTarget / clusterCount);
    const namespaces = Math.max(1, Math.round(wanted / workloadsPerNamespace));
    const generated = generateCluster(i, namespaces, 42 + i);
    addPods(
      generated.objects,
      generated.counts,
      Math.round(podTarget / clusterCount),
      i,
    );
    const double = await createKubeApiDouble({
      objects: generated.objects,
      token,
    });
    doubles.push(double);
    const name = `bench-${i}`;
    clusters.push({
      name,
      url: double.url,
      objects: generated.objects.length,
      pods: generated.counts.pods,
      workloads: generated.counts.workloads,
      namespaces,
    });
    ids.push(...generated.ids);
    generated.objects.length = 0; // the double keeps its own copy
  }
  process.send({
    type: 'ready',
    clusters,
    ids,
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  });

  process.on('message', async message => {
    if (message.type === 'requests') {
      const byCluster = {};
      clusters.forEach((c, i) => {
        byCluster[c.name] = doubles[i].requests.total;
      });
      process.send({ type: 'requests', byCluster });
    } else if (message.type === 'reset') {
      for (const d of doubles) d.requests.reset();
      process.send({ type: 'reset' });
    } else if (message.type === 'close') {
      await Promise.all(doubles.map(d => d.close()));
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
