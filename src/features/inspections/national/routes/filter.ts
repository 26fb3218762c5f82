/**
 * The national picture's filter, as the page and the API take it (Ofsted region, grade, of the overall judgement or
 * any), and the latest judgements it keeps.
 */
import { z } from 'zod';
import { GRADES, isGrade, type Grade } from '../../../../domain/ofsted';
import { OFSTED_REGIONS } from '../../../reference/ofsted-outcomes';
import { filterLatest, type LatestJudgements } from '../latest';

export const OF = ['overall', 'any'] as const;

/** The filter as the page and the API take it; '' means no filter. */
export const nationalQuery = z.object({
  region: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (OFSTED_REGIONS as readonly string[]).includes(v), {
      error: `Choose one of Ofsted’s eight regions: ${OFSTED_REGIONS.join('; ')}`,
    }),
  grade: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isGrade(v), { error: `Choose a grade: ${GRADES.join(', ')}` }),
  of: z
    .enum(OF, { error: 'Choose whether the grade is the overall grade (overall) or any judgement’s (any)' })
    .default('overall'),
});
export type NationalQuery = z.output<typeof nationalQuery>;

export function apply(latest: readonly LatestJudgements[], q: NationalQuery) {
  const grade: Grade | null = isGrade(q.grade) ? q.grade : null;
  const rows = filterLatest(latest, { region: q.region || null, grade, of: q.of });
  return { rows, grade };
}
