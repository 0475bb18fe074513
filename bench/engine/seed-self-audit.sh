#!/usr/bin/env bash
# The seed's six-check self-audit (../shared/seeds, "30 Days of DevOps", day 30), adapted to read a
# cluster dump (`kind: List` JSON, all namespaces) instead of calling kubectl per namespace: each
# check still runs its own jq over the objects, as each of the seed's kubectl calls does.
#   bash bench/engine/seed-self-audit.sh DUMP.json
set -u
DUMP="$1"

echo "=== ① Deployments/StatefulSets with a container missing resources.requests ==="
jq -r '.items[] | select(.kind=="Deployment" or .kind=="StatefulSet")
       | select(any(.spec.template.spec.containers[]; .resources.requests == null))
       | "  ⚠ \(.kind)/\(.metadata.namespace)/\(.metadata.name): a container has no requests"' "$DUMP" 2>/dev/null \
  | grep . || echo "  ✅ all set requests"

echo "=== ② BestEffort Pods (no requests/limits anywhere) ==="
jq -r '.items[] | select(.kind=="Pod" and .status.qosClass=="BestEffort")
       | "  ⚠ \(.metadata.namespace)/\(.metadata.name) is BestEffort"' "$DUMP" 2>/dev/null \
  | grep . || echo "  ✅ none BestEffort"

echo "=== ③ Multi-replica Deployments but NO PodDisruptionBudget in the namespace ==="
jq -r '([.items[] | select(.kind=="PodDisruptionBudget") | .metadata.namespace] | unique) as $pdb
       | [.items[] | select(.kind=="Deployment" and (.spec.replicas // 1) > 1)]
       | group_by(.metadata.namespace)[]
       | select((.[0].metadata.namespace) as $ns | ($pdb | index($ns)) == null)
       | "  ⚠ multi-replica deploys (\(map(.metadata.name) | join(", "))) but NO PDB in \(.[0].metadata.namespace)"' "$DUMP" 2>/dev/null \
  | grep . || echo "  ✅ a PDB exists, or no multi-replica deploys"

echo "=== ④ Containers without a readiness probe ==="
jq -r '.items[] | select(.kind=="Pod") | "\(.metadata.namespace)/\(.metadata.name)" as $n | .spec.containers[]
       | select(.readinessProbe == null) | "  ⚠ \($n)/\(.name): no readinessProbe"' "$DUMP" 2>/dev/null \
  | grep . || echo "  ✅ all containers have readiness probes"

echo "=== ⑤ Namespace missing a ResourceQuota ==="
jq -r '([.items[] | select(.kind=="ResourceQuota") | .metadata.namespace] | unique) as $rq
       | .items[] | select(.kind=="Namespace") | .metadata.name | select(. as $ns | ($rq | index($ns)) == null)
       | "  ⚠ no ResourceQuota in \(.)"' "$DUMP" 2>/dev/null \
  | grep . || echo "  ✅ ResourceQuota present"

echo "=== ⑥ Pods still mounting the default ServiceAccount token ==="
jq -r '.items[] | select(.kind=="Pod")
       | select((.spec.serviceAccountName // "default")=="default" and (.spec.automountServiceAccountToken // true))
       | "  ⚠ \(.metadata.namespace)/\(.metadata.name): default SA with an auto-mounted token"' "$DUMP" 2>/dev/null \
  | grep . || echo "  ✅ no default-SA token mounts"
