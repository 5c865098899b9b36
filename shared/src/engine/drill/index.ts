// Practice drills: the drills a bundle offers, the score of a played one, and its record.
export { scoreDrill, checkLabel, type DrillAnswer, type DrillScore, type ScoredTurn, type CheckScore, type ScoreOptions } from './score.ts';
export { drillsOf, generateDrill, customerLine, GENERATED_DRILL, type BundleDrill, type DrillsOf } from './generate.ts';
export { DEFAULT_DRILL_WEIGHTS, DEFAULT_DRILL_SECONDS, DRILL_CHECKS, drillWeights, type DrillCheck } from './weights.ts';
export { complianceFindings, type ComplianceFinding } from './compliance.ts';
export { KEY_MOVES, type KeyMove, type MoveRules } from './key-moves.ts';
export { DrillResultSchema, DRILL_RESULT_VERSION, isDrillResultLine, readDrillResults, type DrillResult } from './result.ts';
export { drillProgress, type PersonProgress } from './progress.ts';
