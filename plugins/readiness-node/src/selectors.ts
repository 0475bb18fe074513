/**
 * Kubernetes label selectors, with the API server's semantics:
 * - structured `LabelSelector` (`matchLabels` + `matchExpressions` with In, NotIn, Exists,
 *   DoesNotExist): an empty selector `{}` matches everything, an absent one nothing;
 * - the string form used in annotations and `?labelSelector=` (`a=b,c!=d,e in (x,y),!f`);
 * - the map form of Service selectors, where an empty map selects nothing.
 * `!=` and `notin` match objects that lack the key, as in Kubernetes.
 */

/** @public */
export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** @public */
export interface LabelSelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values?: string[];
}

/** @public */
export interface LabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: LabelSelectorRequirement[] | null;
}

/** A malformed selector, with the position of the fault in the string form. @public */
export class LabelSelectorError extends Error {
  readonly selector: string;
  readonly position: number;

  constructor(selector: string, position: number, reason: string) {
    super(`invalid label selector "${selector}" at position ${position + 1}: ${reason}`);
    this.name = 'LabelSelectorError';
    this.selector = selector;
    this.position = position;
  }
}

type Labels = Record<string, string> | undefined | null;

function requirementMatches(req: LabelSelectorRequirement, labels: Labels): boolean {
  const has = labels !== undefined && labels !== null && Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(labels![req.key]);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(labels![req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      // An operator the API server would have rejected: match nothing rather than everything.
      return false;
  }
}

/**
 * Stands for a requirement the API server would have rejected (a mistyped field): it matches
 * nothing, so a malformed selector never selects everything.
 */
const MALFORMED: LabelSelectorRequirement = { key: '', operator: 'Malformed' as SelectorOperator };

/** The requirements a structured selector stands for. @public */
export function selectorRequirements(selector: LabelSelector): LabelSelectorRequirement[] {
  const reqs: LabelSelectorRequirement[] = [];
  const matchLabels = selector.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null && (typeof matchLabels !== 'object' || Array.isArray(matchLabels))) {
    return [MALFORMED];
  }
  for (const [key, value] of Object.entries(matchLabels ?? {})) {
    reqs.push({ key, operator: 'In', values: [String(value)] });
  }
  const exprs = selector.matchExpressions;
  if (exprs === undefined || exprs === null) return reqs;
  if (!Array.isArray(exprs)) return [MALFORMED];
  for (const expr of exprs) {
    const valid =
      expr && typeof expr.key === 'string' && (expr.values === undefined || expr.values === null || Array.isArray(expr.values));
    reqs.push(valid ? expr : MALFORMED);
  }
  return reqs;
}


/**
 * Whether `labels` satisfy a structured selector. `undefined`/`null` selects nothing; `{}`
 * selects everything (the semantics of PodDisruptionBudget and NetworkPolicy podSelector).
 * @public
 */
export function matchesLabelSelector(selector: LabelSelector | undefined | null, labels: Labels): boolean {
  // A list is no selector (the API server would reject it): nothing, never everything.
  if (selector === undefined || selector === null || typeof selector !== 'object' || Array.isArray(selector)) return false;
  return selectorRequirements(selector).every(r => requirementMatches(r, labels));
}

/** Whether `labels` satisfy parsed requirements (all of them). @public */
export function matchesRequirements(reqs: LabelSelectorRequirement[], labels: Labels): boolean {
  return reqs.every(r => requirementMatches(r, labels));
}

/**
 * Map-form selectors (Service `spec.selector`, ReplicationController): every pair must match;
 * an empty or absent map selects nothing, as a Service without selector has no endpoints.
 * @public
 */
export function matchesLabelMap(selector: Record<string, string> | undefined | null, labels: Labels): boolean {
  if (!selector) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0 || !labels) return false;
  return entries.every(([k, v]) => labels[k] === v);
}

const WHITESPACE = ' \t\r\n';
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function keyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (!prefix || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) return `"${prefix}" is not a valid label key prefix`;
  }
  if (!NAME.test(name)) return `"${key}" is not a valid label key`;
  return undefined;
}

function valueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (!NAME.test(value)) return `"${value}" is not a valid label value`;
  return undefined;
}

/**
 * Parses the string form (`a=b,c!=d,e in (x,y),f notin (z),g,!h`) into requirements.
 * Throws `LabelSelectorError` naming the position and the fault. An empty string selects
 * everything (no requirements).
 * @public
 */
export function parseLabelSelector(input: string): LabelSelectorRequirement[] {
  const s = input;
  let i = 0;
  const reqs: LabelSelectorRequirement[] = [];
  const fail = (pos: number, reason: string): never => {
    throw new LabelSelectorError(input, pos, reason);
  };
  // Whitespace is what the Kubernetes lexer skips: space, tab, CR and LF (a folded annotation).
  const skipSpaces = () => {
    while (i < s.length && WHITESPACE.includes(s[i])) i++;
  };
  const readToken = () => {
    const start = i;
    while (i < s.length && !WHITESPACE.includes(s[i]) && !',=!()'.includes(s[i])) i++;
    return { text: s.slice(start, i), start };
  };

  skipSpaces();
  if (i === s.length) return reqs;

  for (;;) {
    skipSpaces();
    let negated = false;
    if (s[i] === '!') {
      negated = true;
      i++;
      skipSpaces();
    }
    const key = readToken();
    if (!key.text) fail(key.start, 'expected a label key');
    const problem = keyProblem(key.text);
    if (problem) fail(key.start, problem);
    skipSpaces();

    if (negated) {
      reqs.push({ key: key.text, operator: 'DoesNotExist' });
    } else if (i >= s.length || s[i] === ',') {
      reqs.push({ key: key.text, operator: 'Exists' });
    } else if (s[i] === '=' || s[i] === '!') {
      const opStart = i;
      let operator: SelectorOperator;
      if (s.startsWith('==', i)) {
        operator = 'In';
        i += 2;
      } else if (s.startsWith('!=', i)) {
        operator = 'NotIn';
        i += 2;
      } else if (s[i] === '=') {
        operator = 'In';
        i += 1;
      } else {
        return fail(opStart, `expected "=", "==" or "!=" after "${key.text}"`);
      }
      skipSpaces();
      const value = readToken();
      const vp = valueProblem(value.text);
      if (vp) fail(value.start, vp);
      if (s[i] === '(' || s[i] === ')' || s[i] === '=' || s[i] === '!') fail(i, `unexpected "${s[i]}"`);
      reqs.push({ key: key.text, operator, values: [value.text] });
    } else {
      if ((key.text === 'in' || key.text === 'notin') && s[i] === '(') {
        fail(key.start, `expected a label key before "${key.text}"`);
      }
      const word = readToken();
      const op = word.text.toLowerCase();
      if (word.text !== 'in' && word.text !== 'notin') {
        return fail(word.start || i, `expected an operator (=, ==, !=, in, notin) after "${key.text}"${op ? `, found "${word.text}"` : ''}`);
      }
      skipSpaces();
      if (s[i] !== '(') fail(i, `expected "(" after "${word.text}"`);
      i++;
      const values: string[] = [];
      for (;;) {
        skipSpaces();
        const value = readToken();
        const vp = valueProblem(value.text);
        if (vp) fail(value.start, vp);
        values.push(value.text);
        skipSpaces();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ')') {
          i++;
          break;
        }
        return fail(i, i >= s.length ? `missing ")" to close the set of "${key.text}"` : `unexpected "${s[i]}" in a value set`);
      }
      reqs.push({ key: key.text, operator: word.text === 'in' ? 'In' : 'NotIn', values });
    }

    skipSpaces();
    if (i >= s.length) break;
    if (s[i] !== ',') fail(i, `expected "," between requirements, found "${s[i]}"`);
    const comma = i++;
    skipSpaces();
    if (i >= s.length) fail(comma, 'a trailing "," with no requirement after it');
  }
  return reqs;
}

/** The string form of requirements, as kubectl prints them. @public */
export function formatLabelSelector(reqs: LabelSelectorRequirement[]): string {
  return reqs
    .map(r => {
      const values = r.values ?? [];
      switch (r.operator) {
        case 'In':
          return values.length === 1 ? `${r.key}=${values[0]}` : `${r.key} in (${values.join(',')})`;
        case 'NotIn':
          return values.length === 1 ? `${r.key}!=${values[0]}` : `${r.key} notin (${values.join(',')})`;
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
        default:
          return `${r.key} ${r.operator}`;
      }
    })
    .join(',');
}
