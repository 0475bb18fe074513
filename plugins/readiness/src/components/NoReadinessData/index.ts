export { NoReadinessData } from './NoReadinessData';
