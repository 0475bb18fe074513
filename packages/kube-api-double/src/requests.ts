/** One request the double received, with how it answered. @public */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The raw query string, without `?` ('' when none). */
  query: string;
  accept?: string;
  /** `group/plural` (`plural` for the core group) for resource requests. */
  resource?: string;
  /** HTTP status answered; 0 while pending or when the connection was dropped. */
  status: number;
  /** Whether the answer was a PartialObjectMetadata(List). */
  metadataOnly: boolean;
}

/** What the double was asked: counters for assertions on request counts. @public */
export class RequestStats {
  /** Requests received (counted on arrival, whatever the answer). */
  total = 0;
  /** Requests per path (without query string). */
  readonly byPath = new Map<string, number>();
  /** Every request in arrival order. */
  readonly log: RecordedRequest[] = [];
  /** Successful requests that returned full Secret objects (data included). Should stay 0 for Prodready. */
  fullSecretReads = 0;
  /** Successful requests answered as PartialObjectMetadata(List). */
  metadataOnlyReads = 0;

  /** Requests to one resource (`secrets`, `apps/deployments`), any path form. */
  forResource(resource: string): RecordedRequest[] {
    return this.log.filter(r => r.resource === resource);
  }

  record(entry: RecordedRequest): RecordedRequest {
    this.total += 1;
    this.byPath.set(entry.path, (this.byPath.get(entry.path) ?? 0) + 1);
    this.log.push(entry);
    return entry;
  }

  reset() {
    this.total = 0;
    this.byPath.clear();
    this.log.length = 0;
    this.fullSecretReads = 0;
    this.metadataOnlyReads = 0;
  }
}
