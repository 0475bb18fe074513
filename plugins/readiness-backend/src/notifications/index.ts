export {
  READINESS_NOTIFICATION_TOPIC,
  ReadinessNotifier,
  readinessTabPath,
} from './ReadinessNotifier';
export type {
  NotifyTransitionsResult,
  ReadinessNotifierOptions,
} from './ReadinessNotifier';
