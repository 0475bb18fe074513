import {
  CheckEvidence,
  CheckRemediation,
  CheckScope,
  CheckSeverity,
  CHECK_SEVERITIES,
  isReadinessDomainId,
  ReadinessDomainId,
} from '@prodready/plugin-readiness-common';
import { ClusterIndex } from '../cluster/ClusterIndex';
import { WorkloadRelations } from '../cluster/relations';
import { Workload } from '../cluster/workloads';

/** The parts of a catalog entity that checks marked (cat) read. @public */
export interface EntityContext {
  /** Entity ref, e.g. `component:default/checkout`. */
  ref: string;
  annotations: Record<string, string>;
  links: Array<{ url: string; title?: string; type?: string }>;
}

/** What a check sees when it evaluates one workload. @public */
export interface CheckContext<TOptions = Record<string, unknown>> {
  workload: Workload;
  index: ClusterIndex;
  relations: WorkloadRelations;
  /**
   * The catalog entity, given to checks of scope `entity` only. Absent in the CLI without a
   * catalog-info file: such a check answers `unknown` (see `entityRequired`) unless cluster data
   * alone lets it pass.
   */
  entity?: EntityContext;
  /** The check's options: its defaults merged with `readiness.checks.<id>` config. */
  options: TOptions;
  /** The evaluation time; checks never read the clock themselves. */
  now: Date;
}

/** The answer of a check on one workload (`waived` is applied later, from accepted risks). @public */
export interface CheckOutcome {
  status: 'pass' | 'fail' | 'not-applicable' | 'unknown';
  /** One line a person understands, naming the container or object at fault. */
  message: string;
  evidence?: CheckEvidence[];
}

/**
 * A readiness check: data plus one pure function, like an ESLint rule. Policy (enabled,
 * severity, options) comes from config, never from the check itself.
 * @public
 */
export interface ReadinessCheck<TOptions = any> {
  /** Stable kebab-case id; never renamed, never reused. */
  id: string;
  domain: ReadinessDomainId;
  /** Default severity; config may override it. */
  severity: CheckSeverity;
  title: string;
  rationale: string;
  remediation: CheckRemediation;
  /** What the rule looks at: the workload, its namespace, the cluster, or the catalog entity. */
  scope: CheckScope;
  /** Kinds (plural resource names) the check needs; if one could not be read, the result is `unknown`. */
  requires?: string[];
  defaultOptions?: TOptions;
  evaluate(context: CheckContext<TOptions>): CheckOutcome;
}

/** The outcome of an entity-scoped check that was given no entity. @public */
export function entityRequired(what: string): CheckOutcome {
  return { status: 'unknown', message: `needs the catalog entity's ${what}; no catalog entity was given` };
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Declares a check, validating its metadata so a mistake fails at load time with the check's
 * id in the message, not at evaluation time.
 * @public
 */
export function createReadinessCheck<TOptions = Record<string, unknown>>(
  check: ReadinessCheck<TOptions>,
): ReadinessCheck<TOptions> {
  const where = `readiness check "${check.id}"`;
  if (!ID.test(check.id)) throw new Error(`${where}: the id must be kebab-case (a-z, 0-9, -)`);
  if (!isReadinessDomainId(check.domain)) throw new Error(`${where}: unknown domain "${check.domain}"`);
  if (!CHECK_SEVERITIES.includes(check.severity)) throw new Error(`${where}: unknown severity "${check.severity}"`);
  if (!check.title || !check.rationale || !check.remediation?.text) {
    throw new Error(`${where}: title, rationale and remediation.text are required`);
  }
  if (typeof check.evaluate !== 'function') throw new Error(`${where}: evaluate must be a function`);
  return Object.freeze({ ...check });
}
