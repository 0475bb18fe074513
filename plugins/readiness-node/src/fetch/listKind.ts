import { MissingKind, ObjectError } from '../cluster/ClusterIndex';
import { KubernetesObject } from '../objects';
import { NOT_SERVED_REASON, ServedKind } from './discovery';
import { KubeApiError, KubeHttpClient } from './http';
import { FetchLogger } from './types';

/** The Accept header that makes the API server answer metadata only (a Secret's data never leaves it). @public */
export const PARTIAL_OBJECT_METADATA_LIST =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

export interface ListKindOptions {
  cluster: string;
  pageSize: number;
  maxRestarts: number;
  logger?: FetchLogger;
}

export type ListKindResult =
  | {
      objects: KubernetesObject[];
      errors: ObjectError[];
      pages: number;
      restarts: number;
    }
  | { missing: MissingKind; pages: number; restarts: number };

/** Why a LIST failed, as a MissingKind: the Status message for 401/403, the standard reason for 404. */
export function missingFromError(plural: string, e: KubeApiError): MissingKind {
  if (e.status === 404)
    return { plural, reason: NOT_SERVED_REASON, status: 404 };
  if (e.status === 401 || e.status === 403)
    return { plural, reason: e.message, status: e.status };
  return {
    plural,
    reason: e.describe(),
    ...(e.status !== undefined ? { status: e.status } : {}),
  };
}

/**
 * Lists one kind cluster-wide, page by page (`limit` + `continue`), starting over when a continue
 * token expires (410 Gone) at most `maxRestarts` times. Items get the kind and apiVersion list
 * items lack; metadata-only kinds become `{ apiVersion, kind, metadata }`; an item without
 * `metadata.name` becomes an error and the rest are kept.
 */
export async function listKind(
  client: KubeHttpClient,
  served: ServedKind,
  options: ListKindOptions,
): Promise<ListKindResult> {
  const { descriptor } = served;
  const metadataOnly = !!descriptor.metadataOnly;
  const accept = metadataOnly
    ? PARTIAL_OBJECT_METADATA_LIST
    : 'application/json';
  let pages = 0;
  let restarts = 0;

  for (;;) {
    const objects: KubernetesObject[] = [];
    const errors: ObjectError[] = [];
    let token: string | undefined;
    let expired: KubeApiError | undefined;
    let warnedNotPartial = false;
    do {
      let page: any;
      try {
        page = await client.getJson(
          served.listPath,
          { limit: String(options.pageSize), continue: token },
          accept,
        );
      } catch (e) {
        if (!(e instanceof KubeApiError)) throw e;
        if (e.status === 410) {
          expired = e;
          break;
        }
        return {
          missing: missingFromError(descriptor.plural, e),
          pages,
          restarts,
        };
      }
      pages += 1;
      if (!page || typeof page !== 'object' || !Array.isArray(page.items)) {
        return {
          missing: {
            plural: descriptor.plural,
            reason: `the API server answered ${served.listPath} without an items list`,
          },
          pages,
          restarts,
        };
      }
      if (
        metadataOnly &&
        page.kind !== 'PartialObjectMetadataList' &&
        !warnedNotPartial
      ) {
        warnedNotPartial = true;
        options.logger?.warn(
          `cluster ${options.cluster}: ${served.listPath} answered ${page.kind} instead of PartialObjectMetadataList; keeping metadata only`,
        );
      }
      const itemKind = descriptor.kind;
      const listApiVersion =
        typeof page.apiVersion === 'string' &&
        page.apiVersion !== 'meta.k8s.io/v1'
          ? page.apiVersion
          : served.apiVersion;
      for (const [i, item] of (page.items as any[]).entries()) {
        const metadata = item?.metadata;
        if (
          !item ||
          typeof item !== 'object' ||
          !metadata ||
          typeof metadata !== 'object' ||
          typeof metadata.name !== 'string' ||
          !metadata.name
        ) {
          const namespace =
            typeof metadata?.namespace === 'string'
              ? metadata.namespace
              : undefined;
          errors.push({
            message: `cluster ${options.cluster}: item ${i} of page ${pages} of ${served.listPath} has no metadata.name; skipped`,
            origin: { cluster: options.cluster },
            kind: itemKind,
            ...(namespace ? { namespace } : {}),
          });
          continue;
        }
        // Server-side-apply bookkeeping: often half an object's size, read by no check.
        delete metadata.managedFields;
        if (metadataOnly) {
          objects.push({
            apiVersion: served.apiVersion,
            kind: itemKind,
            metadata,
          });
        } else {
          const { apiVersion, kind, ...rest } = item;
          objects.push({
            apiVersion:
              typeof apiVersion === 'string' ? apiVersion : listApiVersion,
            kind: typeof kind === 'string' ? kind : itemKind,
            ...rest,
          });
        }
      }
      token =
        typeof page.metadata?.continue === 'string' && page.metadata.continue
          ? page.metadata.continue
          : undefined;
    } while (token);

    if (!expired) return { objects, errors, pages, restarts };
    if (restarts >= options.maxRestarts) {
      return {
        missing: {
          plural: descriptor.plural,
          reason: `the list expired (410 Gone) while paging, ${
            restarts + 1
          } times; gave up: ${expired.message}`,
          status: 410,
        },
        pages,
        restarts,
      };
    }
    restarts += 1;
    options.logger?.debug(
      `cluster ${options.cluster}: ${served.listPath}: continue token expired (410); listing again from the start (${restarts}/${options.maxRestarts})`,
    );
  }
}
