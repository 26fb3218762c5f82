/**
 * The audit results API's responses. Each schema is also the presenter: fields not in it are not sent. For members,
 * counts from 1 to 4 (and shares or kappas made from them) are "c".
 */
import { z } from 'zod';
import { RESULT_GROUPINGS } from './results';

const count = z.union([z.number(), z.literal('c')]);
const share = z.union([z.number(), z.literal('c')]).nullable();

export const auditResultsResponse = z.object({
  from: z.string().describe('First month, YYYY-MM'),
  to: z.string().describe('Last month, YYYY-MM'),
  by: z.enum(RESULT_GROUPINGS),
  filters: z.object({ domain: z.number().nullable(), team: z.number().nullable(), service: z.string().nullable() }),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      outstanding: count,
      good: count,
      requiresImprovement: count,
      inadequate: count,
      total: count,
      goodOrBetter: share.describe('(outstanding + good) ÷ total, 0–1; null with no grades'),
    }),
  ),
  total: z.object({
    outstanding: count,
    good: count,
    requiresImprovement: count,
    inadequate: count,
    total: count,
    goodOrBetter: share,
  }),
});

const agreement = z.object({
  pairs: count,
  exact: count,
  exactShare: share.describe('exact ÷ pairs, 0–1'),
  weightedKappa: share.describe("Cohen's weighted kappa, linear weights; null with no pairs or total chance agreement"),
  counts: z
    .array(z.array(count))
    .describe(
      '4×4: auditor grade (rows) × moderated grade (columns), outstanding, good, requires improvement, inadequate',
    ),
});

export const auditAgreementResponse = z.object({
  from: z.string(),
  to: z.string(),
  overall: agreement,
  byAuditor: z.array(agreement.extend({ auditor: z.string() })),
  byDomain: z.array(agreement.extend({ domain: z.string() })),
});
