/** The formula-safe CSV writer lives in common/ (the studio writes localised exports with it). */
export { csvCell, toCsv, type Cell } from '../../../common/csv-write.js';
