import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import {
  KubernetesObject,
  LabelSelectorError,
  LabelSelectorRequirement,
  matchesRequirements,
  parseLabelSelector,
} from '@prodready/plugin-readiness-node';
import { RecordedRequest, RequestStats } from './requests';
import {
  BUILT_IN_RESOURCES,
  compareVersions,
  ResourceDefinition,
  resourceKey,
  resolveResourceName,
} from './resources';
import { EXPIRED_MESSAGE, kubeStatus } from './status';
import { ObjectStore, StoredObject } from './store';

/**
 * Which requests an injected failure or latency applies to:
 * - a resource: `'secrets'` (any group), `'apps/deployments'` or `'deployments.apps'`;
 * - an exact path starting with `/`: `'/apis'`, `'/api/v1/namespaces/shop/pods'`;
 * - a RegExp tested against path plus query string;
 * - a predicate over the parsed request.
 * @public
 */
export type RequestMatcher =
  | string
  | RegExp
  | ((request: MatchableRequest) => boolean);

/** A request as matchers see it. @public */
export interface MatchableRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Set for resource requests (LIST/GET): '' for the core group. */
  group?: string;
  version?: string;
  plural?: string;
  namespace?: string;
  name?: string;
}

/** A failure to answer the next matching request(s) with. @public */
export interface InjectedFailure {
  /** HTTP status answered with a Kubernetes Status body (429, 500, 503, 410, ...). Ignored with `reset`. */
  status?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Sent as the Retry-After header (and in the Status details for 429). */
  retryAfterSeconds?: number;
  /** Status message (default: the API server's message for the code). */
  message?: string;
  /** Drop the connection without an answer (a network error for the client). */
  reset?: boolean;
}

/** @public */
export interface KubeApiDoubleOptions {
  /** Objects to serve (deep-copied). More can be added with `addObjects`. */
  objects?: Iterable<KubernetesObject>;
  /** When set, every request needs `Authorization: Bearer <token>` or gets 401. */
  token?: string;
  /** The user named in 403 messages (default `system:serviceaccount:backstage:prodready`). */
  user?: string;
  /** Largest page the server returns whatever `limit` asks for (default: no cap). */
  pageLimitMax?: number;
  /** Delay before every answer, in milliseconds (default 0). */
  latencyMs?: number;
  /**
   * Custom resources served even without objects, as CRD names (`verticalpodautoscalers.autoscaling.k8s.io`,
   * resolved against the engine's known kinds) or full definitions.
   */
  crds?: Array<string | ResourceDefinition>;
  /** Advertise the built-in Kubernetes resources (default true). */
  builtIns?: boolean;
  /** Compress answers at least this large when the client accepts gzip, like the API server (default 128 KiB). */
  gzipThresholdBytes?: number;
  /** The `gitVersion` answered on /version (default `v1.31.4`). */
  kubernetesVersion?: string;
  /** Listen address (default 127.0.0.1) and port (default random). */
  host?: string;
  port?: number;
}

/** A running double. @public */
export interface KubeApiDouble {
  /** Base URL, e.g. `http://127.0.0.1:39123`. */
  readonly url: string;
  /** What was requested so far. */
  readonly requests: RequestStats;
  /** The resourceVersion of the stored objects (bumped by every change). */
  readonly resourceVersion: number;
  /** Replaces every object (resources registered only by objects stop being served). */
  setObjects(objects: Iterable<KubernetesObject>): void;
  /** Adds or replaces (same resource, namespace and name) objects. */
  addObjects(objects: Iterable<KubernetesObject>): void;
  /** Removes the objects the predicate selects; their resources stay served. Returns how many. */
  removeObjects(predicate: (obj: KubernetesObject) => boolean): number;
  /** Serves a custom resource (a CRD name or definition) even without objects. */
  registerCrd(crd: string | ResourceDefinition): void;
  /** Answers the next matching request(s) with a failure. Failures queue in order. */
  failNext(matcher: RequestMatcher, failure: InjectedFailure): void;
  /** Sets the delay for all requests, or (with a matcher) for the matching ones; 0 clears. */
  setLatency(ms: number, matcher?: RequestMatcher): void;
  /** Makes a resource (`secrets`, `apps/deployments`) answer 403, as RBAC would. */
  forbid(resource: string): void;
  /** Undoes `forbid`. */
  allow(resource: string): void;
  /** Makes every continue token issued so far answer 410 Expired, as after an etcd compaction. */
  expireContinueTokens(): void;
  /** Stops the server, dropping open connections. */
  close(): Promise<void>;
}

interface ServedResource {
  def: ResourceDefinition;
  versions: string[];
}

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
  r: string;
  e: number;
}

const PARTIAL_LIST = 'PartialObjectMetadataList';

/** A body already serialized as JSON. */
class RawJson {
  constructor(readonly text: string) {}
}
const PARTIAL = 'PartialObjectMetadata';

/** Splits `plural.group`, `group/plural` or `plural` into a resource key. */
function normalizeResource(resource: string): string {
  const slash = resource.lastIndexOf('/');
  if (slash >= 0)
    return resourceKey(resource.slice(0, slash), resource.slice(slash + 1));
  const dot = resource.indexOf('.');
  if (dot >= 0)
    return resourceKey(resource.slice(dot + 1), resource.slice(0, dot));
  return resource;
}

function requestMatches(
  matcher: RequestMatcher | undefined,
  request: MatchableRequest,
): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === 'function') return matcher(request);
  if (matcher instanceof RegExp) {
    const query = request.query.toString();
    matcher.lastIndex = 0;
    return matcher.test(query ? `${request.path}?${query}` : request.path);
  }
  if (matcher.startsWith('/'))
    return (
      request.path ===
      (matcher.length > 1 ? matcher.replace(/\/+$/, '') : matcher)
    );
  if (request.plural === undefined) return false;
  if (!matcher.includes('/') && !matcher.includes('.'))
    return request.plural === matcher;
  return (
    normalizeResource(matcher) ===
    resourceKey(request.group ?? '', request.plural)
  );
}

/** Parses a resource path below a group version: `[plural]`, `[plural, name]`, `[namespaces, ns, plural(, name)]`. */
function parseResourcePath(
  rest: string[],
): Pick<MatchableRequest, 'plural' | 'namespace' | 'name'> | 'invalid' {
  if (rest.length === 1) return { plural: rest[0] };
  if (rest.length === 2) return { plural: rest[0], name: rest[1] };
  if (rest[0] === 'namespaces' && (rest.length === 3 || rest.length === 4)) {
    return { namespace: rest[1], plural: rest[2], name: rest[3] };
  }
  return 'invalid';
}

type Route =
  | { type: 'api' }
  | { type: 'apis' }
  | { type: 'group'; group: string }
  | { type: 'groupVersion'; group: string; version: string }
  | { type: 'resource'; group: string; version: string }
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'unknown' };

function parseRoute(path: string): {
  route: Route;
  resource?: Pick<MatchableRequest, 'plural' | 'namespace' | 'name'>;
} {
  if (path === '/version') return { route: { type: 'version' } };
  if (path === '/healthz' || path === '/readyz' || path === '/livez')
    return { route: { type: 'health' } };
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string | undefined;
  let rest: string[];
  if (seg[0] === 'api') {
    if (seg.length === 1) return { route: { type: 'api' } };
    group = '';
    version = seg[1];
    rest = seg.slice(2);
  } else if (seg[0] === 'apis') {
    if (seg.length === 1) return { route: { type: 'apis' } };
    group = seg[1];
    if (seg.length === 2) return { route: { type: 'group', group } };
    version = seg[2];
    rest = seg.slice(3);
  } else {
    return { route: { type: 'unknown' } };
  }
  if (rest.length === 0)
    return { route: { type: 'groupVersion', group, version } };
  const resource = parseResourcePath(rest);
  if (resource === 'invalid') return { route: { type: 'unknown' } };
  return { route: { type: 'resource', group, version }, resource };
}

type MediaChoice = 'json' | 'metadata' | undefined;

/** Content negotiation like the API server: the first acceptable media type in the client's order wins. */
function negotiate(accept: string | undefined, isList: boolean): MediaChoice {
  if (!accept) return 'json';
  for (const range of accept.split(',')) {
    const [type, ...paramParts] = range.split(';').map(p => p.trim());
    const params = new Map(
      paramParts.map(p => {
        const eq = p.indexOf('=');
        return [
          p.slice(0, eq).trim().toLowerCase(),
          p.slice(eq + 1).trim(),
        ] as const;
      }),
    );
    const mediaType = type.toLowerCase();
    if (
      mediaType !== 'application/json' &&
      mediaType !== '*/*' &&
      mediaType !== 'application/*'
    )
      continue;
    const as = params.get('as');
    if (as === undefined) return 'json';
    const g = params.get('g');
    const v = params.get('v');
    if (
      g === 'meta.k8s.io' &&
      (v === 'v1' || v === 'v1beta1') &&
      as === (isList ? PARTIAL_LIST : PARTIAL)
    )
      return 'metadata';
    // The double serves JSON lists and PartialObjectMetadataList only (no `as=Table`): move on to the next media range.
  }
  return undefined;
}

type FieldFilter = {
  field: 'metadata.name' | 'metadata.namespace';
  equal: boolean;
  value: string;
};

function parseFieldSelector(selector: string): FieldFilter[] {
  const filters: FieldFilter[] = [];
  for (const part of selector.split(',')) {
    if (part.trim() === '') continue;
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*([^=!]*?)\s*$/.exec(part);
    if (!m)
      throw new Error(
        `invalid selector: '${selector}'; can't understand '${part}'`,
      );
    if (m[1] !== 'metadata.name' && m[1] !== 'metadata.namespace')
      throw new Error(`field label not supported: ${m[1]}`);
    filters.push({ field: m[1], equal: m[2] !== '!=', value: m[3] });
  }
  return filters;
}

function encodeToken(token: ContinueToken): string {
  // Like the API server: base64url without padding.
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(raw: string): ContinueToken {
  const bad = /[^A-Za-z0-9_-]/.exec(raw);
  if (bad) throw new Error(`illegal base64 data at input byte ${bad.index}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new Error('invalid character looking for beginning of value');
  }
  const t = parsed as ContinueToken;
  if (
    !t ||
    t.v !== 'meta.k8s.io/v1' ||
    typeof t.rv !== 'number' ||
    typeof t.start !== 'string' ||
    typeof t.r !== 'string'
  ) {
    throw new Error(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  return t;
}

/**
 * Starts a fake Kubernetes API server on 127.0.0.1 (random port) that answers discovery and
 * read requests like the real one: paginated LIST with opaque continue tokens and 410 Expired,
 * label and field selectors, PartialObjectMetadataList, bearer-token auth, RBAC-like 403s, and
 * injectable failures and latency.
 * @public
 */
export async function createKubeApiDouble(
  options: KubeApiDoubleOptions = {},
): Promise<KubeApiDouble> {
  const user = options.user ?? 'system:serviceaccount:backstage:prodready';
  const gzipThreshold = options.gzipThresholdBytes ?? 128 * 1024;
  const crds: ResourceDefinition[] = [];
  const registerCrd = (crd: string | ResourceDefinition) => {
    const def = typeof crd === 'string' ? resolveResourceName(crd) : crd;
    if (!def)
      throw new Error(
        `kube-api-double: unknown CRD "${crd}"; pass a full ResourceDefinition`,
      );
    crds.push({ ...def, versions: [...def.versions] });
  };
  for (const crd of options.crds ?? []) registerCrd(crd);

  const store = new ObjectStore(crds);
  if (options.objects) store.add(options.objects);
  const requests = new RequestStats();
  const forbidden = new Set<string>();
  const failures: Array<{
    matcher: RequestMatcher;
    failure: InjectedFailure;
    left: number;
  }> = [];
  const latencies: Array<{ matcher?: RequestMatcher; ms: number }> = [];
  if (options.latencyMs) latencies.push({ ms: options.latencyMs });
  let epoch = 0;
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  /** group -> plural -> served resource */
  const served = (): Map<string, Map<string, ServedResource>> => {
    const out = new Map<string, Map<string, ServedResource>>();
    const add = (
      def: ResourceDefinition,
      objectVersions: Iterable<string> = [],
    ) => {
      let byPlural = out.get(def.group);
      if (!byPlural) out.set(def.group, (byPlural = new Map()));
      const existing = byPlural.get(def.plural);
      const versions = ObjectStore.versionsOf(existing?.def ?? def, [
        ...(existing?.versions ?? []),
        ...def.versions,
        ...objectVersions,
      ]);
      byPlural.set(def.plural, { def: existing?.def ?? def, versions });
    };
    if (options.builtIns !== false)
      for (const def of BUILT_IN_RESOURCES) add(def);
    for (const def of crds) add(def);
    for (const resource of store.all())
      add(resource.def, resource.objectVersions);
    return out;
  };

  const groupVersions = (byPlural: Map<string, ServedResource>): string[] =>
    [...new Set([...byPlural.values()].flatMap(r => r.versions))].sort(
      compareVersions,
    );

  const apiResourceList = (
    group: string,
    version: string,
    byPlural: Map<string, ServedResource>,
  ) => {
    const resources = [...byPlural.values()]
      .filter(r => r.versions.includes(version))
      .sort((a, b) => a.def.plural.localeCompare(b.def.plural))
      .flatMap(({ def }) => [
        {
          name: def.plural,
          singularName: def.kind.toLowerCase(),
          namespaced: def.namespaced,
          kind: def.kind,
          verbs: ['get', 'list', 'watch'],
          ...(def.shortNames ? { shortNames: def.shortNames } : {}),
        },
        {
          name: `${def.plural}/status`,
          singularName: '',
          namespaced: def.namespaced,
          kind: def.kind,
          verbs: ['get', 'patch', 'update'],
        },
      ]);
    return group
      ? {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: `${group}/${version}`,
          resources,
        }
      : { kind: 'APIResourceList', groupVersion: version, resources };
  };

  const apiGroup = (group: string, byPlural: Map<string, ServedResource>) => {
    const versions = groupVersions(byPlural).map(v => ({
      groupVersion: `${group}/${v}`,
      version: v,
    }));
    return { name: group, versions, preferredVersion: versions[0] };
  };

  const delay = (ms: number) =>
    new Promise<void>(resolve => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const handle = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) => {
    const url = new URL(req.url ?? '/', 'http://kube-api-double');
    const path =
      url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const { route, resource } = parseRoute(path);
    const matchable: MatchableRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      ...(route.type === 'resource'
        ? { group: route.group, version: route.version, ...resource }
        : {}),
    };
    const accept = req.headers.accept;
    const entry: RecordedRequest = requests.record({
      method: matchable.method,
      path,
      query: url.search.replace(/^\?/, ''),
      accept,
      resource:
        matchable.plural !== undefined
          ? resourceKey(matchable.group ?? '', matchable.plural)
          : undefined,
      status: 0,
      metadataOnly: false,
    });

    // The latest latency set for a matching matcher wins over the global one.
    const latency =
      [...latencies]
        .reverse()
        .find(
          l => l.matcher !== undefined && requestMatches(l.matcher, matchable),
        ) ?? latencies.find(l => l.matcher === undefined);
    if (latency && latency.ms > 0) await delay(latency.ms);
    if (res.destroyed || closed) return;

    const send = (
      status: number,
      body: unknown,
      headers: Record<string, string> = {},
    ) => {
      entry.status = status;
      let text: string;
      if (body instanceof RawJson) text = body.text;
      else if (typeof body === 'string') text = body;
      else text = JSON.stringify(body);
      let payload: Buffer = Buffer.from(text);
      const outHeaders: Record<string, string> = {
        'Content-Type':
          typeof body === 'string'
            ? 'text/plain; charset=utf-8'
            : 'application/json',
        'Cache-Control': 'no-cache, private',
        'Audit-Id': `double-${requests.total}`,
        ...headers,
      };
      if (
        payload.length >= gzipThreshold &&
        /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
      ) {
        payload = gzipSync(payload);
        outHeaders['Content-Encoding'] = 'gzip';
      }
      outHeaders['Content-Length'] = String(payload.length);
      res.writeHead(status, outHeaders);
      res.end(payload);
    };
    const fail = (
      code: number,
      message?: string,
      details?: Record<string, unknown>,
      headers?: Record<string, string>,
    ) => send(code, kubeStatus(code, message, details), headers);

    // 1. Authentication comes before anything else, as in the API server.
    if (options.token !== undefined) {
      const auth = req.headers.authorization ?? '';
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m || m[1].trim() !== options.token) {
        fail(401);
        return;
      }
    }

    // 2. Injected failures.
    const injected = failures.find(
      f => f.left > 0 && requestMatches(f.matcher, matchable),
    );
    if (injected) {
      injected.left -= 1;
      const { failure } = injected;
      if (failure.reset) {
        req.socket.destroy();
        return;
      }
      const code = failure.status ?? 500;
      const headers: Record<string, string> =
        failure.retryAfterSeconds !== undefined
          ? { 'Retry-After': String(failure.retryAfterSeconds) }
          : {};
      let details: Record<string, unknown> | undefined;
      if (code === 429 && failure.retryAfterSeconds !== undefined)
        details = { retryAfterSeconds: failure.retryAfterSeconds };
      if (code === 500)
        details = {
          causes: [{ message: failure.message ?? 'injected failure' }],
        };
      fail(
        code,
        failure.message && code === 500
          ? `Internal error occurred: ${failure.message}`
          : failure.message,
        details,
        headers,
      );
      return;
    }

    if (matchable.method !== 'GET' && matchable.method !== 'HEAD') {
      fail(
        405,
        `the Kubernetes API double is read-only; ${matchable.method} is not supported`,
      );
      return;
    }

    const servedNow = served();
    switch (route.type) {
      case 'version': {
        const gitVersion = options.kubernetesVersion ?? 'v1.31.4';
        const [major, minor] = gitVersion.replace(/^v/, '').split('.');
        send(200, { major, minor, gitVersion, platform: 'linux/amd64' });
        return;
      }
      case 'health':
        send(200, 'ok');
        return;
      case 'api':
        send(200, {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [
            {
              clientCIDR: '0.0.0.0/0',
              serverAddress: req.headers.host ?? '127.0.0.1:6443',
            },
          ],
        });
        return;
      case 'apis': {
        const groups = [...servedNow.entries()]
          .filter(([group]) => group !== '')
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([group, byPlural]) => apiGroup(group, byPlural));
        send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
        return;
      }
      case 'group': {
        const byPlural = servedNow.get(route.group);
        if (!byPlural || route.group === '') {
          fail(404);
          return;
        }
        send(200, {
          kind: 'APIGroup',
          apiVersion: 'v1',
          ...apiGroup(route.group, byPlural),
        });
        return;
      }
      case 'groupVersion': {
        const byPlural = servedNow.get(route.group);
        const coreV1 = route.group === '' && route.version === 'v1'; // always served, even empty
        if (
          !coreV1 &&
          (!byPlural || !groupVersions(byPlural).includes(route.version))
        ) {
          fail(404);
          return;
        }
        send(
          200,
          apiResourceList(route.group, route.version, byPlural ?? new Map()),
        );
        return;
      }
      case 'resource':
        break;
      default:
        fail(404);
        return;
    }

    // 3. A resource: LIST or GET.
    const group = matchable.group!;
    const version = matchable.version!;
    const plural = matchable.plural!;
    const namespace = matchable.namespace;
    const name = matchable.name;
    const servedResource = servedNow.get(group)?.get(plural);
    if (
      !servedResource ||
      !servedResource.versions.includes(version) ||
      (namespace !== undefined && !servedResource.def.namespaced)
    ) {
      fail(404);
      return;
    }
    const { def } = servedResource;
    const key = resourceKey(group, plural);
    const qualified = group ? `${plural}.${group}` : plural;
    const watch = url.searchParams.get('watch');
    let verb = 'list';
    if (name !== undefined) verb = 'get';
    else if (watch === 'true' || watch === '1') verb = 'watch';
    if (forbidden.has(key)) {
      const scope =
        namespace !== undefined
          ? `in the namespace "${namespace}"`
          : 'at the cluster scope';
      fail(
        403,
        `${qualified}${
          name !== undefined ? ` "${name}"` : ''
        } is forbidden: User "${user}" cannot ${verb} resource "${plural}" in API group "${group}" ${scope}`,
        {
          ...(name !== undefined ? { name } : {}),
          ...(group ? { group } : {}),
          kind: plural,
        },
      );
      return;
    }
    if (verb === 'watch') {
      fail(405, 'the Kubernetes API double does not implement watch');
      return;
    }
    const media = negotiate(accept, name === undefined);
    if (!media) {
      fail(
        406,
        'only the following media types are accepted: application/json, application/json;as=PartialObjectMetadata(List);g=meta.k8s.io;v=v1',
      );
      return;
    }
    const metadataOnly = media === 'metadata';
    const apiVersion = group ? `${group}/${version}` : version;
    const succeed = (body: unknown) => {
      entry.metadataOnly = metadataOnly;
      if (metadataOnly) requests.metadataOnlyReads += 1;
      else if (group === '' && plural === 'secrets')
        requests.fullSecretReads += 1;
      send(200, body);
    };

    if (name !== undefined) {
      const stored = store
        .get(group, plural)
        ?.byKey.get(`${namespace ?? ''}\u0000${name}\u0000`);
      if (!stored) {
        fail(404, `${qualified} "${name}" not found`, {
          name,
          ...(group ? { group } : {}),
          kind: plural,
        });
        return;
      }
      const { apiVersion: _a, kind: _k, ...rest } = stored.obj;
      succeed(
        metadataOnly
          ? {
              kind: PARTIAL,
              apiVersion: 'meta.k8s.io/v1',
              metadata: stored.obj.metadata ?? {},
            }
          : { kind: def.kind, apiVersion, ...rest },
      );
      return;
    }

    // LIST
    let requirements: LabelSelectorRequirement[] = [];
    let fields: FieldFilter[] = [];
    const labelSelector = url.searchParams.get('labelSelector');
    const fieldSelector = url.searchParams.get('fieldSelector');
    try {
      if (labelSelector) requirements = parseLabelSelector(labelSelector);
    } catch (e) {
      const reason = e instanceof LabelSelectorError ? e.message : String(e);
      fail(400, `unable to parse requirement: ${reason}`);
      return;
    }
    try {
      if (fieldSelector) fields = parseFieldSelector(fieldSelector);
    } catch (e) {
      fail(400, (e as Error).message);
      return;
    }
    const rawLimit = url.searchParams.get('limit');
    let limit: number | undefined;
    if (rawLimit !== null && rawLimit !== '') {
      if (!/^\d+$/.test(rawLimit)) {
        fail(
          400,
          `limit: Invalid value: "${rawLimit}": must be a non-negative integer`,
        );
        return;
      }
      limit = Number(rawLimit) || undefined;
      if (limit !== undefined && options.pageLimitMax !== undefined)
        limit = Math.min(limit, options.pageLimitMax);
    }
    let after: string | undefined;
    const rawContinue = url.searchParams.get('continue');
    if (rawContinue) {
      let token: ContinueToken;
      try {
        token = decodeToken(rawContinue);
      } catch (e) {
        fail(400, `continue key is not valid: ${(e as Error).message}`);
        return;
      }
      if (token.r !== key) {
        fail(
          400,
          `continue key is not valid: the token was issued for another resource`,
        );
        return;
      }
      if (token.e !== epoch || token.rv !== store.resourceVersion) {
        fail(410, EXPIRED_MESSAGE);
        return;
      }
      after = token.start;
    }

    const filtered = requirements.length > 0 || fields.length > 0;
    const matches = (stored: StoredObject) =>
      matchesRequirements(requirements, stored.obj.metadata?.labels) &&
      fields.every(f => {
        const actual =
          f.field === 'metadata.name' ? stored.name : stored.namespace;
        return (actual === f.value) === f.equal;
      });
    const result = store.list(group, plural, {
      namespace,
      matches: filtered ? matches : undefined,
      limit,
      after,
    });
    const metadata: Record<string, unknown> = {
      resourceVersion: String(store.resourceVersion),
    };
    if (result.continueAfter !== undefined) {
      metadata.continue = encodeToken({
        v: 'meta.k8s.io/v1',
        rv: store.resourceVersion,
        start: result.continueAfter,
        r: key,
        e: epoch,
      });
      if (!labelSelector && !fieldSelector)
        metadata.remainingItemCount = result.remaining;
    }
    // Items are serialized once per stored object and pages are assembled from the pieces, so
    // large benchmark clusters page quickly.
    const items = result.items.map(stored => {
      if (metadataOnly) {
        stored.metadataJson ??= JSON.stringify({
          apiVersion: 'meta.k8s.io/v1',
          kind: PARTIAL,
          metadata: stored.obj.metadata ?? {},
        });
        return stored.metadataJson;
      }
      // Like the API server, list items carry neither kind nor apiVersion.
      if (stored.itemJson === undefined) {
        const { apiVersion: _a, kind: _k, ...rest } = stored.obj;
        stored.itemJson = JSON.stringify(rest);
      }
      return stored.itemJson;
    });
    const head = metadataOnly
      ? { kind: PARTIAL_LIST, apiVersion: 'meta.k8s.io/v1' }
      : { kind: `${def.kind}List`, apiVersion };
    succeed(
      new RawJson(
        `${JSON.stringify({ ...head, metadata }).slice(
          0,
          -1,
        )},"items":[${items.join(',')}]}`,
      ),
    );
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(err => {
      if (!res.headersSent && !res.destroyed) {
        const body = JSON.stringify(
          kubeStatus(500, `Internal error occurred: ${(err as Error).message}`),
        );
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(body);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    requests,
    get resourceVersion() {
      return store.resourceVersion;
    },
    setObjects(objects) {
      store.clear();
      store.add(objects);
    },
    addObjects(objects) {
      store.add(objects);
    },
    removeObjects(predicate) {
      return store.remove(predicate);
    },
    registerCrd,
    failNext(matcher, failure) {
      failures.push({ matcher, failure, left: failure.times ?? 1 });
    },
    setLatency(ms, matcher) {
      if (matcher === undefined) {
        for (let i = latencies.length - 1; i >= 0; i--)
          if (latencies[i].matcher === undefined) latencies.splice(i, 1);
      }
      latencies.push({ matcher, ms });
    },
    forbid(resource) {
      forbidden.add(normalizeResource(resource));
    },
    allow(resource) {
      forbidden.delete(normalizeResource(resource));
    },
    expireContinueTokens() {
      epoch += 1;
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
