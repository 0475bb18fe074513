export { GroupReadinessCard } from './GroupReadinessCard';
