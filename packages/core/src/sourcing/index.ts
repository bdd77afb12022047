export { sourceCandidate } from './source-candidate'
