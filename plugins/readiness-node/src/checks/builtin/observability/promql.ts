/*
 * Reading PromQL just enough to tell which workload an alert or an SLI is about: its positive
 * label matchers (`namespace="shop"`, `job=~"cart|cart-canary"`). No evaluation, no full parser.
 */

/** A positive label matcher of a PromQL expression, or a static label of a rule. */
export interface LabelValueMatcher {
  /** The label name, e.g. `namespace`, `job`, `pod`. */
  label: string;
  /** Whether `candidate` is a value this matcher selects. */
  test(candidate: string): boolean;
  /** The matcher as written, for messages: `job="cart"`. */
  text: string;
}

/** Label names that carry a Kubernetes namespace (kube-state-metrics, cAdvisor, OpenTelemetry, relabelled copies). */
export function isNamespaceLabel(label: string): boolean {
  return /namespace/i.test(label);
}

/** A value no selective regex should match: used to discard wildcards such as `.*` or `.+`. */
const PROBE = 'zz-prodready-probe-0-zz';

/**
 * Compiles a PromQL (RE2) regex matcher value the way Prometheus does: fully anchored. Returns
 * undefined for a wildcard (it matches anything, so names nothing) or a pattern JavaScript
 * cannot compile.
 */
function compileRegex(value: string): RegExp | undefined {
  let pattern = value;
  let flags = '';
  if (pattern.startsWith('(?i)')) {
    pattern = pattern.slice(4);
    flags = 'i';
  }
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, flags);
  } catch {
    return undefined;
  }
  if (re.test('') || re.test(PROBE)) return undefined;
  return re;
}

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal.startsWith('`')) return body;
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c);
}

/** Removes `# comments`, leaving `#` inside string literals alone. */
function stripComments(expr: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      out += c;
      if (c === '\\' && quote !== '`' && i + 1 < expr.length) out += expr[++i];
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
    } else if (c === '#') {
      while (i < expr.length && expr[i] !== '\n') i++;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

const MATCHER = /([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/g;

/**
 * The positive label matchers (`=` and `=~`) of a PromQL expression. Negative matchers (`!=`,
 * `!~`) exclude a value, so they never count as naming it; wildcard regexes name nothing.
 */
export function promqlMatchers(expr: unknown): LabelValueMatcher[] {
  if (typeof expr !== 'string' && typeof expr !== 'number') return [];
  const source = stripComments(String(expr));
  const out: LabelValueMatcher[] = [];
  for (const m of source.matchAll(MATCHER)) {
    const [text, label, op, literal] = m;
    const value = unquote(literal);
    if (op === '=' && value !== '') {
      out.push({ label, text, test: candidate => candidate === value });
    } else if (op === '=~') {
      const re = compileRegex(value);
      if (re) out.push({ label, text, test: candidate => re.test(candidate) });
    }
  }
  return out;
}

/** Static labels of a rule (`labels: { namespace: shop, service: cart }`) as exact matchers; templated values are skipped. */
export function labelMatchers(labels: unknown): LabelValueMatcher[] {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return [];
  const out: LabelValueMatcher[] = [];
  for (const [label, raw] of Object.entries(labels as Record<string, unknown>)) {
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const value = String(raw);
    if (value === '' || value.includes('{{')) continue;
    out.push({ label, text: `${label}: ${value}`, test: candidate => candidate === value });
  }
  return out;
}

/** The matchers among `matchers` that name the namespace `namespace` (through a namespace label). */
export function namespaceMatchers(matchers: LabelValueMatcher[], namespace: string): LabelValueMatcher[] {
  return matchers.filter(m => isNamespaceLabel(m.label) && m.test(namespace));
}

/**
 * The first non-namespace matcher naming one of `identifiers`, with the identifier it names.
 * Pod-name samples (`cart-0`, `cart-5d8f7c9b6-x2x9z`) let `pod=~"cart-.*"` name workload `cart`.
 */
export function identityMatch(
  matchers: LabelValueMatcher[],
  identifiers: WorkloadIdentifier[],
): { matcher: LabelValueMatcher; identifier: WorkloadIdentifier } | undefined {
  for (const matcher of matchers) {
    if (isNamespaceLabel(matcher.label)) continue;
    for (const identifier of identifiers) {
      const samples = identifier.what === 'name' ? [identifier.value, `${identifier.value}-0`, `${identifier.value}-5d8f7c9b6-x2x9z`] : [identifier.value];
      if (samples.some(s => matcher.test(s))) return { matcher, identifier };
    }
  }
  return undefined;
}

/** A string that identifies a workload in metrics: its name, a Service name, a scrape job, its app or entity name. */
export interface WorkloadIdentifier {
  value: string;
  what: 'name' | 'service' | 'job' | 'app' | 'entity';
}

/** `name 'cart'`, `service 'cart-api'`, `job 'shop/cart'` for messages. */
export function describeIdentifier(identifier: WorkloadIdentifier): string {
  return `${identifier.what} '${identifier.value}'`;
}
