import { createReadinessCheck } from '../../types';
import { containersOf, describeContainers, workloadEvidence } from '../../util';

/** What a probe calls: a key to compare and a text for messages. */
interface ProbeHandler {
  key: string;
  text: string;
}

/** A probe port resolved to a number when the container names it, so `http` and 8080 compare equal. */
function resolvePort(port: unknown, container: any): { key: string; text: string } {
  if (typeof port === 'number') return { key: String(port), text: String(port) };
  if (typeof port === 'string' && /^[0-9]+$/.test(port)) return { key: String(Number(port)), text: port };
  if (typeof port === 'string') {
    const ports: any[] = Array.isArray(container?.ports) ? container.ports : [];
    const named = ports.find(p => p?.name === port);
    return { key: typeof named?.containerPort === 'number' ? String(named.containerPort) : `name:${port}`, text: port };
  }
  return { key: '', text: '?' };
}

/** The handler of a probe (httpGet, tcpSocket, exec or grpc), or undefined when it has none that can be read. */
export function probeHandler(probe: any, container: any): ProbeHandler | undefined {
  if (!probe || typeof probe !== 'object') return undefined;
  if (probe.httpGet && typeof probe.httpGet === 'object') {
    const h = probe.httpGet;
    const path = typeof h.path === 'string' && h.path ? h.path : '/';
    const port = resolvePort(h.port, container);
    const scheme = typeof h.scheme === 'string' ? h.scheme.toUpperCase() : 'HTTP';
    const host = typeof h.host === 'string' ? h.host : '';
    return { key: `httpGet|${scheme}|${host}|${port.key}|${path}`, text: `httpGet ${path} on port ${port.text}` };
  }
  if (probe.tcpSocket && typeof probe.tcpSocket === 'object') {
    const port = resolvePort(probe.tcpSocket.port, container);
    const host = typeof probe.tcpSocket.host === 'string' ? probe.tcpSocket.host : '';
    return { key: `tcpSocket|${host}|${port.key}`, text: `tcpSocket on port ${port.text}` };
  }
  if (probe.exec && typeof probe.exec === 'object') {
    const command: string[] = Array.isArray(probe.exec.command) ? probe.exec.command.map(String) : [];
    return { key: `exec|${JSON.stringify(command)}`, text: `exec ${command.join(' ') || '(no command)'}` };
  }
  if (probe.grpc && typeof probe.grpc === 'object') {
    const port = resolvePort(probe.grpc.port, container);
    const service = typeof probe.grpc.service === 'string' ? probe.grpc.service : '';
    return { key: `grpc|${port.key}|${service}`, text: `grpc${service ? ` service ${service}` : ''} on port ${port.text}` };
  }
  return undefined;
}

/** probes-distinct: liveness restarts a broken process; readiness sheds traffic when dependencies fail. */
export const probesDistinct = createReadinessCheck({
  id: 'probes-distinct',
  domain: 'packaging-traffic',
  severity: 'high',
  scope: 'workload',
  title: 'Readiness and liveness probes check different things',
  rationale:
    'When liveness calls the same endpoint as readiness, a slow database or a saturated dependency fails both: instead of taking pods out of rotation, the kubelet restarts every pod at once and turns a degradation into an outage.',
  remediation: {
    text: 'Point the livenessProbe at a cheap endpoint that only proves the process responds (no dependency checks), and keep dependency checks in the readinessProbe.',
    snippet: `containers:
  - name: app
    readinessProbe:
      httpGet:
        path: /ready      # checks the database, caches, downstream APIs
        port: http
      periodSeconds: 5
    livenessProbe:
      httpGet:
        path: /healthz    # answers as long as the process is not hung
        port: http
      periodSeconds: 10
      failureThreshold: 6`,
  },
  evaluate({ workload }) {
    if (workload.batch) {
      return { status: 'not-applicable', message: `${workload.ref.kind} pods run to completion and are not probed for traffic` };
    }
    const containers = containersOf(workload, { sidecars: true });
    if (containers.length === 0) return { status: 'unknown', message: 'the pod template has no containers' };
    const compared = containers
      .map(c => ({ c, readiness: probeHandler(c.container.readinessProbe, c.container), liveness: probeHandler(c.container.livenessProbe, c.container) }))
      .filter(x => x.readiness && x.liveness);
    if (compared.length === 0) {
      return { status: 'not-applicable', message: 'no container has both a readinessProbe and a livenessProbe to compare' };
    }
    const same = compared.filter(x => x.readiness!.key === x.liveness!.key);
    if (same.length === 0) {
      return {
        status: 'pass',
        message: `readiness and liveness probes differ in all ${compared.length} container(s) that have both`,
      };
    }
    return {
      status: 'fail',
      message: same
        .map(x => `${describeContainers([x.c])} uses the same readiness and liveness probe (${x.liveness!.text})`)
        .join('; '),
      evidence: same.flatMap(x => [
        workloadEvidence(workload, `${x.c.path}.readinessProbe`),
        workloadEvidence(workload, `${x.c.path}.livenessProbe`),
      ]),
    };
  },
});
