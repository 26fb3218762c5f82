/**
 * GET /self-evaluation?year=: the year's eight service areas, who last edited each and when, a year picker and a link
 * to generate the report; POST /self-evaluation: start the year from last year's text.
 */
import { z } from 'zod';
import { can } from '../../../../domain/roles';
import { todayInLondon } from '../../../../domain/today';
import { NotFoundError } from '../../../../core/errors';
import { formText } from '../../../../web/form-input';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import {
  isSelfEvaluationYear,
  selfEvaluationArea,
  selfEvaluationYear,
  SELF_EVALUATION_AREAS,
  yearLabel,
} from '../areas';
import { currentSelfEvaluation, startFromLastYear, yearsWithText } from '../service';
import { yearParam } from './year-param';

/** "Start from last year's text": the year, posted. */
const copyForm = z.object({ year: formText });

/** The page's year: ?year= when it reads as one, else the current year. */
function pageYear(value: unknown, today: string): number {
  const s = typeof value === 'string' ? value.trim() : '';
  const year = /^\d{4}$/.test(s) ? Number(s) : NaN;
  return isSelfEvaluationYear(year) ? year : selfEvaluationYear(today);
}

const SAVED_MESSAGES: Record<string, string> = {
  copied: 'Last year’s text has been copied into the areas that had none.',
  nothing: 'Nothing was copied: every area with text last year already has text this year.',
};

export function yearPages(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.selfEvaluation.index,
    access: 'report:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const today = todayInLondon();
      const year = pageYear(req.query.year, today);
      const [current, lastYear, years] = await Promise.all([
        currentSelfEvaluation(services.db, user.authorityId, year),
        currentSelfEvaluation(services.db, user.authorityId, year - 1),
        yearsWithText(services.db, user.authorityId),
      ]);
      const thisYear = selfEvaluationYear(today);
      const choices = [...new Set([thisYear + 1, thisYear, ...years, year])].sort((a, b) => b - a);
      const savedArea = typeof req.query.saved === 'string' ? selfEvaluationArea(req.query.saved) : undefined;
      const banner = savedArea
        ? `The ${savedArea.label.toLowerCase()} self-evaluation has been saved.`
        : typeof req.query.done === 'string'
          ? SAVED_MESSAGES[req.query.done]
          : undefined;
      const canWrite = can(user.role, 'self-evaluation:write');
      res.render('reports/self-evaluation/views/index.njk', {
        pageTitle: `Self-evaluation ${yearLabel(year)}`,
        year,
        yearLabel: yearLabel(year),
        lastYearLabel: yearLabel(year - 1),
        years: choices.map((y) => ({ value: String(y), text: yearLabel(y), selected: y === year })),
        rows: SELF_EVALUATION_AREAS.map((a) => {
          const e = current.get(a.key);
          return {
            key: a.key,
            label: a.label,
            authorName: e?.authorName ?? null,
            createdAt: e?.createdAt ?? null,
            href: paths.selfEvaluation.area({ year, area: a.key }),
          };
        }),
        canWrite,
        canCopy:
          canWrite &&
          lastYear.size > 0 &&
          SELF_EVALUATION_AREAS.some((a) => lastYear.has(a.key) && !current.has(a.key)),
        // The reports page's self-evaluation section (its period select offers this year when it has text).
        reportHref: `${paths.reports.list({})}#self-evaluation-title`,
        banner,
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.selfEvaluation.index,
    access: 'self-evaluation:write',
    audit: 'self-evaluation.copy',
    body: copyForm,
    invalid: () => {
      throw new NotFoundError();
    },
    handler: async ({ body, res, user, services, audit }) => {
      const year = yearParam(body.year.trim());
      const copied = await startFromLastYear(
        services.db,
        user.authorityId,
        year,
        { userId: user.id, name: user.displayName },
        audit,
      );
      res.redirect(303, paths.selfEvaluation.indexFor({ year, done: copied.length > 0 ? 'copied' : 'nothing' }));
    },
  });
}
