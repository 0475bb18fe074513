require('../../node_modules/@backstage/cli/config/nodeTransform.cjs');
const n = require('../readiness-node/src');
let t = Date.now();
const snap = n.readSnapshotDirectory('../../examples/clusters/prod-eu');
console.log('read', Date.now() - t, snap.objects.length, snap.fetchedAt); t = Date.now();
const index = n.ClusterIndex.build(snap);
const checks = n.configureChecks([...n.BUILT_IN_CHECKS]);
for (const w of n.discoverWorkloads(index)) {
  const s = Date.now();
  n.evaluateWorkload(w, index, checks);
  console.log(w.ref.kind, w.ref.name, Date.now() - s);
}
