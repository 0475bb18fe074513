/**
 * The eight readiness domains, in the order a service is built: you cannot secure a workload you
 * have not packaged, nor right-size one you cannot observe.
 *
 * @public
 */
export const READINESS_DOMAINS = [
  {
    id: 'supply-chain',
    title: 'Supply chain',
    description: 'Images are pinned, scanned, from trusted registries, and carry no secrets.',
  },
  {
    id: 'packaging-traffic',
    title: 'Packaging & traffic',
    description: 'Packaged as a release, probed correctly, reached over managed TLS.',
  },
  {
    id: 'observability',
    title: 'Observability',
    description: 'Metrics are scraped, alerts and SLOs exist, logs are collected, someone is paged.',
  },
  {
    id: 'delivery',
    title: 'Delivery',
    description: 'Driven from Git with self-heal, secrets sealed, releases smoke-tested and reversible.',
  },
  {
    id: 'security',
    title: 'Security',
    description: 'Least privilege: dedicated identity, restricted pod security, no host access, deny-by-default network.',
  },
  {
    id: 'resources-scaling',
    title: 'Resources & scaling',
    description: 'Requests and limits that reflect real usage, a deliberate QoS class, quotas and sane autoscaling.',
  },
  {
    id: 'scheduling-state',
    title: 'Scheduling & state',
    description: 'Enough replicas, spread across nodes, protected from disruption, with stable storage.',
  },
  {
    id: 'resilience',
    title: 'Resilience',
    description: 'Backed up, restored for real, with declared RPO/RTO and a runbook.',
  },
] as const;

/** @public */
export type ReadinessDomainId = (typeof READINESS_DOMAINS)[number]['id'];

/** @public */
export const READINESS_DOMAIN_IDS: ReadonlyArray<ReadinessDomainId> = READINESS_DOMAINS.map(d => d.id);

/** @public */
export function isReadinessDomainId(value: unknown): value is ReadinessDomainId {
  return typeof value === 'string' && (READINESS_DOMAIN_IDS as readonly string[]).includes(value);
}
