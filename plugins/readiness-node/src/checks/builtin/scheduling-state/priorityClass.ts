import { createReadinessCheck } from '../../types';
import { podSpecField, workloadEvidence } from '../../util';

/** priority-class: under pressure the cluster sheds the right pods first. */
export const priorityClass = createReadinessCheck({
  id: 'priority-class',
  domain: 'scheduling-state',
  severity: 'medium',
  scope: 'workload',
  title: 'The pod template sets a priorityClassName',
  rationale:
    "Pods without a PriorityClass get the cluster's default priority (0 unless a globalDefault class exists), so under resource pressure they are preempted and evicted no earlier than batch jobs and experiments.",
  remediation: {
    text: 'Define PriorityClasses for your tiers and set priorityClassName on the pod template.',
    snippet: `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: business-critical
value: 100000
globalDefault: false
description: Customer-facing services; preempt batch work first.
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  template:
    spec:
      priorityClassName: business-critical`,
  },
  evaluate({ workload }) {
    const name = workload.template.spec?.priorityClassName;
    const path = podSpecField(workload, 'priorityClassName');
    if (typeof name === 'string' && name.trim() !== '') {
      return { status: 'pass', message: `runs with priorityClassName '${name}'`, evidence: [workloadEvidence(workload, path)] };
    }
    return {
      status: 'fail',
      message: "the pod template sets no priorityClassName: its pods run at the cluster's default priority and are among the first preempted",
      evidence: [workloadEvidence(workload, path)],
    };
  },
});
