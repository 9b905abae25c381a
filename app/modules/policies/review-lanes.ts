// Placeholder until app/modules/use-cases/vocabulary.ts lands; then this re-exports its lane enum.
export const REVIEW_LANES = ['PRIVACY', 'SECURITY', 'LEGAL', 'DATA_GOVERNANCE', 'CAIO_DETERMINATION'] as const
export type ReviewLane = (typeof REVIEW_LANES)[number]
