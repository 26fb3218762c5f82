/**
 * The reference data admin page as rendered by its GET and by its forms when they fail (the error summary, the
 * values typed): what is loaded, the upload form and the benchmark authority form.
 */
import type { Response } from 'express';
import { eq } from 'drizzle-orm';
import { authorities } from '../../../db/schema/index';
import { NotFoundError, type FieldError } from '../../../core/errors';
import type { WebServices } from '../../../web/services';
import { referenceAuthorityChoices } from '../benchmarks';
import { ENGLISH_REGIONS } from '../regions';
import { overview } from './loaded';

export async function render(
  ctx: { res: Response; services: WebServices; user: { authorityId: number } },
  extra: { errors?: FieldError[]; loaded?: number | null; saved?: boolean; values?: Record<string, string> },
  status = 200,
) {
  const [authority] = await ctx.services.db
    .select()
    .from(authorities)
    .where(eq(authorities.id, ctx.user.authorityId))
    .limit(1);
  if (!authority) throw new NotFoundError();
  const data = await overview(ctx.services, ctx.user.authorityId);
  const choices = await referenceAuthorityChoices(ctx.services.db);
  const chosen = extra.values?.benchmarkLaNumber ?? authority.benchmarkLaNumber ?? authority.laNumber ?? '';
  const region = extra.values?.region ?? authority.region ?? '';
  const names = new Map(choices.map((c) => [c.laNumber, c.name]));
  const neighbourText = data.benchmark.model
    ? `${data.benchmark.neighbours.length} (${data.benchmark.model} model): ${data.benchmark.neighbours.map((n) => `${names.get(n) ?? n} (${n})`).join(', ')}`
    : 'None loaded';
  ctx.res.status(status).render('reference/views/index.njk', {
    neighbourText,
    pageTitle: `${extra.errors?.length ? 'Error: ' : ''}Reference data`,
    authority: {
      name: authority.name,
      laNumber: authority.laNumber,
      benchmarkLaNumber: authority.benchmarkLaNumber,
      region: authority.region,
    },
    ...data,
    laItems: [
      { value: '', text: 'Choose an authority', selected: chosen === '' },
      ...choices.map((c) => ({
        value: c.laNumber,
        text: `${c.name} (${c.laNumber})`,
        selected: c.laNumber === chosen,
      })),
    ],
    regionItems: [
      { value: '', text: 'The chosen authority’s region', selected: region === '' },
      ...ENGLISH_REGIONS.map((g) => ({ value: g.name, text: g.name, selected: g.name === region })),
    ],
    errors: extra.errors ?? [],
    loaded: extra.loaded ?? null,
    saved: extra.saved ?? false,
  });
}
