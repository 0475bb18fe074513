export { OwnersView } from './OwnersView';
export { ownerWithDescendants, rankOwners } from './ownerHierarchy';
