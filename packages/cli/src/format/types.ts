import { AuditResult } from '@prodready/plugin-readiness-node';
import { FailOn } from '../gate';
import { SourceLocation } from '../input';

/** Everything a formatter needs: the audit, where objects came from, and the gate. */
export interface AuditReport {
  result: AuditResult;
  /** The source location of a workload, when it came from a file or stdin. */
  locate(
    ref: AuditResult['workloads'][number]['ref'],
  ): SourceLocation | undefined;
  failOn: FailOn;
  gatePassed: boolean;
  /** The CLI's version, for SARIF and JUnit. */
  version: string;
}
