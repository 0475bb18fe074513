import { MissingKind } from '../cluster/ClusterIndex';
import { KindDescriptor } from '../kinds';
import { KubeApiError, KubeHttpClient } from './http';
import { Limiter } from './limiter';

/** The reason given for a kind the API server does not serve. @public */
export const NOT_SERVED_REASON =
  'not served by the API server (is the CRD installed?)';

/** A kind the API server serves, and where to list it. */
export interface ServedKind {
  descriptor: KindDescriptor;
  version: string;
  /** `v1` or `group/version`. */
  apiVersion: string;
  /** Cluster-wide LIST path, e.g. `/apis/apps/v1/deployments`. */
  listPath: string;
}

export interface DiscoveryResult {
  served: Map<string, ServedKind>;
  missing: Map<string, MissingKind>;
}

interface GroupInfo {
  versions: string[];
}

/** The cause of a discovery failure that makes the whole cluster unreadable. */
export class DiscoveryError extends Error {
  constructor(readonly path: string, readonly cause: KubeApiError | Error) {
    super(
      `discovery (GET ${path}) failed: ${
        cause instanceof KubeApiError ? cause.describe() : cause.message
      }`,
    );
    this.name = 'DiscoveryError';
  }
}

/**
 * Which kinds the API server serves, at which version: `/api` and `/apis`, then the resource
 * list of each group version a wanted kind could be served at (the first of its versions the
 * group serves; the next only when the plural is absent from it). Failing `/api` or `/apis`
 * throws a DiscoveryError; a failing group version makes only its kinds missing.
 */
export async function discoverKinds(
  client: KubeHttpClient,
  kinds: ReadonlyArray<KindDescriptor>,
  limit: Limiter,
): Promise<DiscoveryResult> {
  const wantsCore = kinds.some(k => k.group === '');
  const wantsGroups = kinds.some(k => k.group !== '');
  const getOrThrow = async (path: string) => {
    try {
      return await limit(() => client.getJson(path));
    } catch (e) {
      if (e instanceof KubeApiError) throw new DiscoveryError(path, e);
      throw e;
    }
  };
  // /api is read even when no core kind is wanted: it is the cheapest proof the server answers.
  // Both settle before a failure is thrown (/api's first), so no request outlives the fetch.
  const [apiResult, apisResult] = await Promise.allSettled([
    getOrThrow('/api'),
    wantsGroups || !wantsCore
      ? getOrThrow('/apis')
      : Promise.resolve(undefined),
  ]);
  if (apiResult.status === 'rejected') throw apiResult.reason;
  if (apisResult.status === 'rejected') throw apisResult.reason;
  const api = apiResult.value;
  const apis = apisResult.value;

  const groups = new Map<string, GroupInfo>();
  groups.set('', {
    versions: Array.isArray(api?.versions)
      ? api.versions.filter((v: unknown) => typeof v === 'string')
      : [],
  });
  for (const g of Array.isArray(apis?.groups) ? apis.groups : []) {
    if (typeof g?.name !== 'string' || !Array.isArray(g.versions)) continue;
    groups.set(g.name, {
      versions: g.versions
        .map((v: any) => v?.version)
        .filter((v: unknown) => typeof v === 'string'),
    });
  }

  const resourceLists = new Map<string, Promise<any>>();
  const resourceList = (group: string, version: string): Promise<any> => {
    const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
    let promise = resourceLists.get(path);
    if (!promise) {
      promise = limit(() => client.getJson(path));
      // Failures are read per kind; never leave a rejection unobserved.
      promise.catch(() => undefined);
      resourceLists.set(path, promise);
    }
    return promise;
  };

  const served = new Map<string, ServedKind>();
  const missing = new Map<string, MissingKind>();
  await Promise.all(
    kinds.map(async kind => {
      const group = groups.get(kind.group);
      const candidates = kind.versions.filter(v => group?.versions.includes(v));
      if (!group || candidates.length === 0) {
        missing.set(kind.plural, {
          plural: kind.plural,
          reason:
            group && group.versions.length > 0
              ? `${NOT_SERVED_REASON}: ${
                  kind.group || 'the core group'
                } is served at ${group.versions.join(
                  ', ',
                )}, not ${kind.versions.join(', ')}`
              : NOT_SERVED_REASON,
          status: 404,
        });
        return;
      }
      let failure: KubeApiError | undefined;
      for (const version of candidates) {
        let list: any;
        try {
          list = await resourceList(kind.group, version);
        } catch (e) {
          if (!(e instanceof KubeApiError)) throw e;
          failure ??= e;
          continue;
        }
        const resource = (
          Array.isArray(list?.resources) ? list.resources : []
        ).find((r: any) => r?.name === kind.plural);
        if (!resource) continue;
        if (Array.isArray(resource.verbs) && !resource.verbs.includes('list')) {
          missing.set(kind.plural, {
            plural: kind.plural,
            reason: 'the API server does not allow listing it',
            status: 405,
          });
          return;
        }
        const apiVersion = kind.group ? `${kind.group}/${version}` : version;
        served.set(kind.plural, {
          descriptor: kind,
          version,
          apiVersion,
          listPath: `${
            kind.group ? `/apis/${kind.group}` : '/api'
          }/${version}/${kind.plural}`,
        });
        return;
      }
      missing.set(
        kind.plural,
        failure
          ? {
              plural: kind.plural,
              reason: `discovery of ${kind.group || 'core'}/${
                candidates[0]
              } failed: ${failure.describe()}`,
              status: failure.status,
            }
          : { plural: kind.plural, reason: NOT_SERVED_REASON, status: 404 },
      );
    }),
  );
  return { served, missing };
}
