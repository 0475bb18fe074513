/**
 * The time live reads are stamped with in tests: the capture time of the bundled example
 * snapshot (examples/clusters/prod-eu/.snapshot.yaml), which the answer key is judged at.
 */
export const CAPTURED_AT = '2026-11-21T09:00:00.000Z';

/**
 * The plugin's own `sources/clusterSources` module, with every live cluster read stamped at `at`
 * (KubernetesClusterSourceOptions.clock) so backup and certificate ages are judged as of the
 * snapshot's capture time, exactly as the snapshot source judges them. Everything else (config
 * reading, the fetcher, the HTTP client) is the real code. Use it as a jest module factory:
 *
 * ```ts
 * jest.mock('./sources/clusterSources', () =>
 *   jest.requireActual('./__testUtils__/pinnedClock').clusterSourcesReadAt(),
 * );
 * ```
 *
 * Kept apart from the other helpers so the factory does not load them (they import the plugin,
 * which imports the mocked module).
 */
export function clusterSourcesReadAt(at: string = CAPTURED_AT) {
  const actual = jest.requireActual('../sources/clusterSources');
  return {
    ...actual,
    readClusterSources: (
      config: unknown,
      logger: unknown,
      options: { clock?: () => Date } = {},
    ) =>
      actual.readClusterSources(config, logger, {
        clock: () => new Date(at),
        ...options,
      }),
  };
}
