import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { KubeConfig } from '@kubernetes/client-node';
import { FetchLogger } from './types';

/**
 * A failed request to the API server: an HTTP error with its Kubernetes Status, or (without
 * `status`) a network error or timeout.
 * @public
 */
export class KubeApiError extends Error {
  /** HTTP status; undefined for network errors and timeouts. */
  readonly status?: number;
  /** The Status `reason` (Forbidden, NotFound, Expired, TooManyRequests, ...). */
  readonly reason?: string;
  readonly retryAfterSeconds?: number;
  /** Worth retrying: 429, 5xx (but 501), network errors and timeouts. */
  readonly retryable: boolean;
  /** `GET <path>` that failed. */
  readonly request: string;
  /** Attempts made before giving up (1 when the error was not retried). */
  readonly attempts: number;

  constructor(
    message: string,
    init: {
      status?: number;
      reason?: string;
      retryAfterSeconds?: number;
      retryable: boolean;
      request: string;
      attempts?: number;
    },
  ) {
    super(message);
    this.name = 'KubeApiError';
    this.status = init.status;
    this.reason = init.reason;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.retryable = init.retryable;
    this.request = init.request;
    this.attempts = init.attempts ?? 1;
  }

  /** `403 Forbidden: <Status message>`, or the network error, after `gave up after N attempts: ` when retried. */
  describe(): string {
    const attempts =
      this.attempts > 1 ? `gave up after ${this.attempts} attempts: ` : '';
    if (this.status === undefined) return `${attempts}${this.message}`;
    return `${attempts}${this.status}${this.reason ? ` ${this.reason}` : ''}: ${
      this.message
    }`;
  }
}

/** How to reach one API server: base URL, auth headers and a keep-alive agent. */
export interface KubeConnection {
  baseUrl: URL;
  headers: Record<string, string>;
  /** `user:password` for basic auth. */
  auth?: string;
  agent: http.Agent;
}

/**
 * Resolves the current context of a KubeConfig into a connection, with client-node doing the
 * auth (token, client certificate, exec/OIDC plugins) and TLS (CA, skipTLSVerify) options.
 */
export async function connectionFor(
  kubeConfig: KubeConfig,
  maxSockets: number,
): Promise<KubeConnection> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster)
    throw new Error('the kubeconfig has no current context or cluster');
  const opts: https.RequestOptions = {};
  // Throws for http:// unless skipTLSVerify is set (a client-node rule).
  await kubeConfig.applyToHTTPSOptions(opts);
  // client-node only applies TLS options when the context has a user: apply them regardless.
  if (cluster.skipTLSVerify && opts.rejectUnauthorized === undefined)
    opts.rejectUnauthorized = false;
  if (cluster.tlsServerName && !opts.servername)
    opts.servername = cluster.tlsServerName;
  if (!opts.ca && (cluster.caData || cluster.caFile)) {
    opts.ca = cluster.caFile
      ? fs.readFileSync(cluster.caFile)
      : Buffer.from(cluster.caData!, 'base64');
  }

  const baseUrl = new URL(cluster.server);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) {
    if (v !== undefined)
      headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  let agent: http.Agent;
  if (cluster.proxyUrl) {
    // client-node builds the proxy agent (http, https or socks).
    agent = opts.agent as http.Agent;
  } else if (baseUrl.protocol === 'http:') {
    agent = new http.Agent({ keepAlive: true, maxSockets });
  } else {
    agent = new https.Agent({
      keepAlive: true,
      maxSockets,
      ca: opts.ca,
      cert: opts.cert,
      key: opts.key,
      pfx: opts.pfx,
      passphrase: opts.passphrase,
      servername: opts.servername,
      ...(opts.rejectUnauthorized !== undefined
        ? { rejectUnauthorized: opts.rejectUnauthorized }
        : {}),
    });
  }
  return { baseUrl, headers, auth: opts.auth ?? undefined, agent };
}

export interface KubeHttpClientOptions {
  timeoutMs: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  userAgent: string;
  signal?: AbortSignal;
  logger?: FetchLogger;
}

function parseRetryAfter(
  value: string | string[] | undefined,
): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  const date = Date.parse(v);
  return Number.isNaN(date)
    ? undefined
    : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason;
  if (reason instanceof Error) return reason;
  const err = new Error(
    typeof reason === 'string' ? reason : 'the fetch was aborted',
  );
  err.name = 'AbortError';
  return err;
}

/** Waits, unless the signal aborts first. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let timer: NodeJS.Timeout | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * GETs JSON from the API server: one request per call plus retries (429, 5xx, network errors,
 * timeouts) with exponential backoff and jitter, honouring Retry-After. Counts what it sends.
 */
export class KubeHttpClient {
  /** Requests sent, retries included. */
  requests = 0;
  retries = 0;

  constructor(
    private readonly connection: KubeConnection,
    private readonly options: KubeHttpClientOptions,
  ) {}

  get baseUrl(): string {
    return this.connection.baseUrl.toString().replace(/\/$/, '');
  }

  /** GET with retries; throws KubeApiError once attempts are exhausted or on a non-retryable error. */
  async getJson(
    path: string,
    query: Record<string, string | undefined> = {},
    accept = 'application/json',
  ): Promise<any> {
    const { maxAttempts, baseDelayMs, maxDelayMs, signal, logger } =
      this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(path, query, accept);
      } catch (e) {
        if (!(e instanceof KubeApiError) || !e.retryable || signal?.aborted)
          throw e;
        if (attempt >= maxAttempts) {
          throw new KubeApiError(e.message, {
            status: e.status,
            reason: e.reason,
            retryable: false,
            request: e.request,
            attempts: attempt,
          });
        }
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        const wait =
          e.retryAfterSeconds !== undefined
            ? Math.min(maxDelayMs, e.retryAfterSeconds * 1000)
            : backoff / 2 + Math.random() * (backoff / 2);
        logger?.debug(
          `${e.request}: ${e.describe()}; attempt ${
            attempt + 1
          } of ${maxAttempts} in ${Math.round(wait)} ms`,
        );
        this.retries += 1;
        await sleep(wait, signal);
      }
    }
  }

  private url(path: string, query: Record<string, string | undefined>): URL {
    const base = this.connection.baseUrl;
    const url = new URL(base.toString());
    url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
    for (const [k, v] of Object.entries(query))
      if (v !== undefined && v !== '') url.searchParams.set(k, v);
    return url;
  }

  private once(
    path: string,
    query: Record<string, string | undefined>,
    accept: string,
  ): Promise<any> {
    const { timeoutMs, signal, userAgent } = this.options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const url = this.url(path, query);
    const request = `GET ${path}${url.search}`;
    const transport = url.protocol === 'https:' ? https : http;
    this.requests += 1;

    // One controller aborts the request on the timeout or when the whole fetch is aborted.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    /** What an error really was: our timeout, the caller's abort, or the error itself. */
    const explain = (fallback: KubeApiError): Error => {
      if (timedOut) {
        return new KubeApiError(`timed out after ${timeoutMs} ms`, {
          retryable: true,
          request,
        });
      }
      if (signal?.aborted) return abortError(signal);
      return fallback;
    };

    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (err: Error | undefined, value?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve(value);
      };
      const req = transport.request(url, {
        method: 'GET',
        agent: this.connection.agent,
        auth: this.connection.auth,
        signal: controller.signal,
        headers: {
          ...this.connection.headers,
          Accept: accept,
          'Accept-Encoding': 'gzip',
          'User-Agent': userAgent,
        },
      });

      req.on('error', err => {
        const code = (err as NodeJS.ErrnoException).code;
        finish(
          explain(
            new KubeApiError(
              code && !err.message.includes(code)
                ? `${code}: ${err.message}`
                : err.message,
              { retryable: true, request },
            ),
          ),
        );
      });
      req.on('response', res => {
        const status = res.statusCode ?? 0;
        let stream: Readable = res;
        if (/\bgzip\b/i.test(String(res.headers['content-encoding'] ?? ''))) {
          const gunzip = createGunzip();
          stream = res.pipe(gunzip);
          gunzip.on('error', err =>
            finish(
              explain(
                new KubeApiError(
                  `cannot decompress the answer: ${err.message}`,
                  {
                    status,
                    retryable: true,
                    request,
                  },
                ),
              ),
            ),
          );
        }
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', err =>
          finish(
            explain(
              new KubeApiError(err.message, { retryable: true, request }),
            ),
          ),
        );
        res.on('close', () => {
          if (!res.complete) {
            finish(
              explain(
                new KubeApiError('the connection closed mid-answer', {
                  retryable: true,
                  request,
                }),
              ),
            );
          }
        });
        stream.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          if (status >= 200 && status < 300) {
            if (body === undefined) {
              finish(
                new KubeApiError(
                  `the answer is not JSON: ${text.slice(0, 120)}`,
                  { status, retryable: false, request },
                ),
              );
            } else {
              finish(undefined, body);
            }
            return;
          }
          const isStatus =
            body && typeof body === 'object' && body.kind === 'Status';
          const message =
            isStatus && typeof body.message === 'string' && body.message
              ? body.message
              : text.trim().slice(0, 300) || `HTTP ${status}`;
          const retryAfterSeconds =
            parseRetryAfter(res.headers['retry-after']) ??
            (isStatus && typeof body.details?.retryAfterSeconds === 'number'
              ? body.details.retryAfterSeconds
              : undefined);
          finish(
            new KubeApiError(message, {
              status,
              reason:
                isStatus && typeof body.reason === 'string'
                  ? body.reason
                  : res.statusMessage,
              retryAfterSeconds,
              retryable: status === 429 || (status >= 500 && status !== 501),
              request,
            }),
          );
        });
      });
      req.end();
    });
  }
}
