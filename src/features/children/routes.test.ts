import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accessLog, eventSources, importBatches } from '../../db/schema/index';
import { paths } from '../../web/paths';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../test/support/app';
import { engines, freshDatabase } from '../../../test/support/databases';
import { h1, TestClient, title } from '../../../harness/client';
import {
  buildAllocation,
  buildChild,
  buildJourney,
  buildLegalStatus,
  buildPeriodOfCare,
  buildPlacement,
  buildReferral,
  buildWorker,
} from '../../../test/support/builders';

/** The page without what changes on every request (nonces, CSRF tokens, request ids). */
function normalise(html: string): string {
  return html
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'REQUEST-ID');
}

function headings(html: string, level: 'h1' | 'h2'): string[] {
  return [...html.matchAll(new RegExp(`<${level}[^>]*>([\\s\\S]*?)</${level}>`, 'g'))].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** The chronology table's body rows, each cell as text. */
function chronologyCells(html: string): string[][] {
  const table = html.slice(html.indexOf('app-chronology"'));
  const body = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
      text((cell[1] ?? '').replace(/<br>/g, ' | ')).trim(),
    ),
  );
}

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

for (const engine of engines())
  describe(`children routes [${engine}]`, () => {
    let world: TestWorld;
    let dropDatabase: () => Promise<void>;
    let journey: { lanternId: string };
    const clients = new Map<string, TestClient>();

    async function as(username: string): Promise<TestClient> {
      const existing = clients.get(username);
      if (existing) return existing;
      const client = new TestClient(world.baseUrl);
      await client.signIn(username, PASSWORD);
      clients.set(username, client);
      return client;
    }

    before(async () => {
      const fresh = await freshDatabase(engine);
      dropDatabase = fresh.drop;
      world = await startTestWorld(fresh.database);
      const db = world.database.db;
      // "The demo child": a whole journey, allocated to team A (the team-scoped test users' team).
      const worker = await buildWorker(db, {
        authorityId: world.authorityId,
        teamId: world.teamA,
        name: 'Dana Worker',
      });
      const child = await buildChild(db, {
        authorityId: world.authorityId,
        firstName: 'Jordan',
        lastName: 'Journey',
        dateOfBirth: '2008-02-29',
        ethnicity: 'MWBC',
      });
      await buildJourney(db, child, { teamId: world.teamA, workerId: worker.id });
      journey = child;
      for (let i = 1; i <= 21; i++) {
        const c = await buildChild(db, {
          authorityId: world.authorityId,
          firstName: `Pager${String(i).padStart(2, '0')}`,
          lastName: 'Paging',
        });
        await buildAllocation(db, { child: c, teamId: world.teamB });
      }
    });

    after(async () => {
      await world.close();
      await dropDatabase();
    });

    describe('search page', () => {
      it('sends someone not signed in to sign in', async () => {
        const reply = await new TestClient(world.baseUrl).get(paths.children.search({}));
        assert.equal(reply.status, 303);
        assert.equal(reply.location, '/sign-in');
      });

      it('shows the form and, with an empty box, every child in scope', async () => {
        const reply = await (await as('director')).get(paths.children.search({}));
        assert.equal(reply.status, 200);
        assert.equal(title(reply.text), 'Find a child – Lantern');
        assert.equal(h1(reply.text), 'Find a child');
        assert.match(reply.text, /<form method="get" action="\/children" role="search"/);
        assert.match(reply.text, /<label class="govuk-label govuk-label--s" for="q">/);
        assert.deepEqual(headings(reply.text, 'h2'), ['All children (24)']);
      });

      it('finds a child by name and links to their record', async () => {
        const reply = await (await as('director')).get(paths.children.searchFor({ q: 'avery alpha' }));
        assert.equal(reply.status, 200);
        assert.equal(title(reply.text), 'Search results – Find a child – Lantern');
        assert.deepEqual(headings(reply.text, 'h2'), ['1 child found']);
        assert.match(
          reply.text,
          new RegExp(`<a class="govuk-link" href="/children/${world.childInTeamA}">Avery Alpha</a>`),
        );
        assert.match(reply.text, /<th scope="col" class="govuk-table__header">Lantern ID<\/th>/);
        assert.match(reply.text, /Family Support A/);
      });

      it('finds a child by Lantern ID and by LA child ID', async () => {
        const client = await as('director');
        assert.match(
          (await client.get(paths.children.searchFor({ q: world.childInTeamB.toLowerCase() }))).text,
          /Blake Bravo/,
        );
        assert.match((await client.get(paths.children.searchFor({ q: 'tb1' }))).text, /Blake Bravo/);
      });

      it('says clearly when nothing matches', async () => {
        const reply = await (await as('director')).get(paths.children.searchFor({ q: 'nobody-like-this' }));
        assert.deepEqual(headings(reply.text, 'h2'), ['No children found']);
        assert.match(reply.text, /No child matches your search/);
        assert.doesNotMatch(reply.text, /<table/);
      });

      it('pages results with the GOV.UK pagination component', async () => {
        const client = await as('director');
        const first = await client.get(paths.children.searchFor({ q: 'paging' }));
        assert.deepEqual(headings(first.text, 'h2'), ['21 children found']);
        assert.match(first.text, /class="govuk-pagination"/);
        assert.match(first.text, /href="\/children\?q=paging&amp;page=2"/);
        assert.equal((first.text.match(/Pager\d\d Paging/g) ?? []).length, 20);
        const second = await client.get(paths.children.searchFor({ q: 'paging', page: 2 }));
        assert.equal((second.text.match(/Pager\d\d Paging/g) ?? []).length, 1);
        assert.match(second.text, /Pager21/);
      });

      it('shows team-scoped users only their team’s children, and says so', async () => {
        const reply = await (await as('social-worker')).get(paths.children.search({}));
        assert.equal(reply.status, 200);
        assert.match(text(reply.text), /You can see only children allocated to your team, Family Support A/);
        assert.match(reply.text, /Avery Alpha/);
        assert.match(reply.text, /Jordan Journey/);
        assert.doesNotMatch(reply.text, /Bravo|Paging|Charlie/);
        assert.deepEqual(headings(reply.text, 'h2'), ['Children in your team (2)']);
      });

      it('rejects an over-long search with an error summary, keeping what was typed', async () => {
        const reply = await (await as('director')).get(paths.children.searchFor({ q: 'x'.repeat(101) }));
        assert.equal(reply.status, 400);
        assert.equal(title(reply.text), 'Error: Find a child – Lantern');
        assert.match(reply.text, /govuk-error-summary/);
        assert.match(reply.text, /href="#q">Search must be 100 characters or fewer/);
        assert.match(reply.text, /value="x{101}"/);
      });

      it('is forbidden to elected members', async () => {
        assert.equal((await (await as('member')).get(paths.children.search({}))).status, 403);
      });

      it('logs the kind of search and the count, never the text', async () => {
        const reply = await (await as('director')).get(paths.children.searchFor({ q: 'avery' }));
        const requestId = reply.headers.get('x-request-id') ?? '';
        const rows = await world.database.db.select().from(accessLog).where(eq(accessLog.requestId, requestId));
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.action, 'child.search');
        assert.deepEqual(rows[0]?.detail, { kind: 'name', results: 1, page: 1 });
        assert.doesNotMatch(JSON.stringify(rows), /avery/i);
      });
    });

    describe('the child’s record', () => {
      it('shows who the child is, their allocations and their chronology, with headings in order', async () => {
        const reply = await (await as('director')).get(paths.children.show({ childId: journey.lanternId }));
        assert.equal(reply.status, 200);
        assert.equal(title(reply.text), 'Jordan Journey – Lantern');
        assert.deepEqual(headings(reply.text, 'h1'), ['Jordan Journey']);
        assert.deepEqual(headings(reply.text, 'h2'), ['Who they are', 'Family', 'Allocations', 'Chronology']);
        const page = text(reply.text);
        assert.match(page, /Lantern ID \S*\s*L\d{7}/);
        assert.match(page, /Date of birth 29 February 2008 \(18 years old\)/);
        assert.match(page, /Ethnicity White and Black Caribbean \(MWBC\)/);
        assert.match(page, /Disability Learning/);
        assert.match(page, /Unaccompanied asylum-seeking child No/);
        assert.match(page, /Care leaver/);
        assert.match(page, /Social worker Dana Worker Family Support A 30 June 2019 Current/);
      });

      it('shows chronology events from every part of the demo child’s journey, in date order', async () => {
        const reply = await (await as('director')).get(paths.children.show({ childId: journey.lanternId }));
        const page = text(reply.text);
        const journeyEvents = [
          'Born',
          'Immigration status recorded',
          'Private fostering arrangement notified',
          'Contact received',
          'Early help requested',
          'Referral received',
          'Allocated: social worker',
          'Assessment started',
          'Disability recorded',
          'Assessment authorised',
          'Child in need plan started',
          'Strategy discussion',
          'Section 47 enquiry started',
          'Initial child protection conference',
          'Child protection plan started',
          'Child protection visit',
          'Pre-proceedings (PLO) started',
          'Child protection review conference',
          'Care proceedings issued',
          'Started to be looked after',
          'Legal status: C1: Interim care order',
          'Placement started',
          'Initial health assessment',
          'Looked-after review',
          'Dental check',
          'Personal education plan reviewed',
          'Care proceedings concluded',
          'Agency decision: should be placed for adoption',
          'Went missing',
          'Return home interview completed',
          'LADO referral about an adult working with the child',
          'Strengths and difficulties questionnaire',
          'Adoption decision reversed',
          'Permanence plan: long-term fostering',
          'Personal adviser linked',
          'Pathway plan reviewed',
          'Stopped being looked after',
          'Became entitled to leaving-care support',
          'Staying put arrangement started',
          'Care leaver contact: in touch',
        ];
        let from = 0;
        for (const event of journeyEvents) {
          const at = page.indexOf(event, from);
          assert.ok(at >= 0, `"${event}" missing or out of order`);
          from = at;
        }
      });

      it('filters the chronology by area with a GET form that needs no JavaScript', async () => {
        const client = await as('director');
        const all = await client.get(paths.children.show({ childId: journey.lanternId }));
        assert.match(all.text, new RegExp(`<form method="get" action="/children/${journey.lanternId}#chronology"`));
        assert.match(all.text, /<select class="govuk-select" id="area" name="area">/);
        const health = await client.get(
          paths.withQuery(paths.children.show({ childId: journey.lanternId }), { area: 'health' }),
        );
        assert.equal(health.status, 200);
        const page = text(health.text);
        // Four health events: the initial health assessment, a dental check, an SDQ and the OC2 outcomes at 31 March 2022.
        assert.match(page, /Showing 4 of \d+ events: health, oldest first/);
        assert.match(page, /Initial health assessment/);
        assert.match(page, /Dental check/);
        assert.doesNotMatch(page, /Contact received|Placement started/);
        assert.match(health.text, /<option value="health" selected>Health \(4\)<\/option>/);
        const newest = await client.get(
          paths.withQuery(paths.children.show({ childId: journey.lanternId }), { area: 'health', order: 'newest' }),
        );
        const t = text(newest.text);
        assert.ok(t.indexOf('Strengths and difficulties questionnaire') < t.indexOf('Initial health assessment'));
      });

      it('has the chronology on its own page too', async () => {
        const reply = await (await as('director')).get(paths.children.chronology({ childId: journey.lanternId }));
        assert.equal(reply.status, 200);
        assert.equal(h1(reply.text), 'Chronology');
        assert.equal(title(reply.text), 'Chronology – Jordan Journey – Lantern');
        assert.match(text(reply.text), /Child protection plan started Category: neglect; second or subsequent plan/);
      });

      it('writes one access-log entry for the view, with the user, the Lantern ID and the request id', async () => {
        const reply = await (await as('head-of-service')).get(paths.children.show({ childId: journey.lanternId }));
        const requestId = reply.headers.get('x-request-id') ?? '';
        const rows = await world.database.db.select().from(accessLog).where(eq(accessLog.requestId, requestId));
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.action, 'child.view');
        assert.equal(rows[0]?.username, 'head-of-service');
        assert.equal(rows[0]?.recordType, 'child');
        assert.equal(rows[0]?.recordId, journey.lanternId);
        assert.doesNotMatch(JSON.stringify(rows), /Jordan|Journey|2008-02-29/);
      });

      it('lets a team-scoped user open their team’s child', async () => {
        const reply = await (await as('team-manager')).get(paths.children.show({ childId: world.childInTeamA }));
        assert.equal(reply.status, 200);
        assert.equal(h1(reply.text), 'Avery Alpha');
      });

      it('answers a child in another team, another authority, or none at all with the same 404 page', async () => {
        const client = await as('social-worker');
        const missing = await client.get(paths.children.show({ childId: 'L9999999' }));
        const otherTeam = await client.get(paths.children.show({ childId: world.childInTeamB }));
        const otherAuthority = await client.get(paths.children.show({ childId: world.childElsewhere }));
        const chronology = await client.get(paths.children.chronology({ childId: world.childInTeamB }));
        for (const reply of [missing, otherTeam, otherAuthority, chronology]) assert.equal(reply.status, 404);
        assert.equal(normalise(otherTeam.text), normalise(missing.text));
        assert.equal(normalise(otherAuthority.text), normalise(missing.text));
        assert.equal(normalise(chronology.text), normalise(missing.text));
        const logged = await world.database.db
          .select()
          .from(accessLog)
          .where(and(eq(accessLog.action, 'child.view'), eq(accessLog.recordId, world.childInTeamB)));
        assert.equal(logged.length, 0);
      });

      it('answers members with the same 404 as a missing child', async () => {
        const client = await as('member');
        const denied = await client.get(paths.children.show({ childId: world.childInTeamA }));
        const missing = await client.get(paths.children.show({ childId: 'L9999999' }));
        assert.equal(denied.status, 404);
        assert.equal(normalise(denied.text), normalise(missing.text));
      });
    });

    describe('where the record came from', () => {
      // Sasha, in team A (so the team's social worker sees her too), built by hand from two SSDA903 imports, Y1 (2023/24,
      // finished 10 July 2024) and Y2 (2024/25, finished 9 July 2025), and Lantern's own record:
      //   the child: brought by Y1                                      → Y1
      //   referral, 2 May 2023, and allocation, 1 June 2023: Lantern's  → Recorded in Lantern (each)
      //   period of care from 1 February 2024: given by Y1 and Y2       → Y1 | Y2 (two event_sources rows)
      //   legal status from 1 February 2024: Y2 alone                   → Y2
      //   placement from 1 February 2024: Y1 alone                      → Y1
      // Created here, after the search tests, so their counts of children are not changed.
      let sasha: { lanternId: string };
      let y1 = 0;
      let y2 = 0;
      const label = (id: number, period: string) => `SSDA903 ${period} (import ${String(id)})`;

      before(async () => {
        const db = world.database.db;
        const batch = async (period: string, periodLabel: string, finishedAt: string) => {
          const [row] = await db
            .insert(importBatches)
            .values({
              authorityId: world.authorityId,
              format: '903',
              period,
              periodLabel,
              digest: `sources-${period}`,
              status: 'accepted',
              fileNames: ['header.csv'],
              bytes: 1,
              importedBy: 'analyst',
              startedAt: new Date(finishedAt),
              finishedAt: new Date(finishedAt),
            })
            .returning({ id: importBatches.id });
          return row?.id ?? 0;
        };
        y1 = await batch('2024', '2023/24', '2024-07-10T12:00:00Z');
        y2 = await batch('2025', '2024/25', '2025-07-09T12:00:00Z');
        const child = await buildChild(db, {
          authorityId: world.authorityId,
          firstName: 'Sasha',
          lastName: 'Sources',
          dateOfBirth: '2015-03-10',
          importBatchId: y1,
        });
        await buildAllocation(db, { child, teamId: world.teamA, startDate: '2023-06-01' });
        await buildReferral(db, child, { referralDate: '2023-05-02' });
        const period = await buildPeriodOfCare(db, child, { startDate: '2024-02-01', importBatchId: y1 });
        await buildLegalStatus(db, child, { periodOfCareId: period.id, startDate: '2024-02-01', importBatchId: y2 });
        await buildPlacement(db, child, { periodOfCareId: period.id, startDate: '2024-02-01', importBatchId: y1 });
        await db.insert(eventSources).values(
          [y2, y1].map((importBatchId) => ({
            authorityId: world.authorityId,
            entity: 'periods_of_care',
            rowId: period.id,
            importBatchId,
            values: '{}',
          })),
        );
        sasha = child;
      });

      const record = (query: Record<string, string> = {}) =>
        paths.withQuery(paths.children.show({ childId: sasha.lanternId }), query);

      it('says where the record came from, and offers the sources of each event without showing them', async () => {
        const reply = await (await as('analyst')).get(record());
        assert.equal(reply.status, 200);
        assert.deepEqual(headings(reply.text, 'h2'), ['Who they are', 'Allocations', 'Chronology']);
        // Lantern gave the referral and the allocation (2 events); Y1 the child, the period of care and the placement
        // (2 events: born is the child's details); Y2 the period of care and the legal status (2 events).
        const list =
          /id="sources">Sources of this record<\/h3>\s*<ul[^>]*>([\s\S]*?)<\/ul>/.exec(reply.text)?.[1] ?? '';
        assert.deepEqual(
          [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
            (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&rsquo;|&#39;/g, '’'),
          ),
          [
            'Recorded in Lantern: 2 events of the chronology',
            `${label(y1, '2023/24')}, imported 10 July 2024: the child’s details and 2 events of the chronology`,
            `${label(y2, '2024/25')}, imported 9 July 2025: 2 events of the chronology`,
          ],
        );
        assert.match(
          reply.text,
          new RegExp(
            `<a class="govuk-link" href="/children/${sasha.lanternId}\\?sources=1#chronology">Show where each event came from</a>`,
          ),
        );
        assert.doesNotMatch(reply.text, />Sources<\/th>/);
        assert.equal(chronologyCells(reply.text)[0]?.length, 3);
      });

      it('with ?sources=1, adds a Sources column saying each event’s imports, linked to their reports for an analyst', async () => {
        const reply = await (await as('analyst')).get(record({ sources: '1' }));
        assert.equal(reply.status, 200);
        assert.match(reply.text, /<th scope="col" class="govuk-table__header">Sources<\/th>/);
        const rows = chronologyCells(reply.text).map((cells) => [cells[0], cells[3]]);
        assert.deepEqual(rows, [
          ['10 March 2015', label(y1, '2023/24')],
          ['2 May 2023', 'Recorded in Lantern'],
          ['1 June 2023', 'Recorded in Lantern'],
          ['1 February 2024', `${label(y1, '2023/24')} | ${label(y2, '2024/25')}`],
          ['1 February 2024', label(y2, '2024/25')],
          ['1 February 2024', label(y1, '2023/24')],
        ]);
        assert.match(
          reply.text,
          new RegExp(
            `<a class="govuk-link" href="/data/imports/${String(y2)}">SSDA903 2024/25 \\(import ${String(y2)}\\)</a>`,
          ),
        );
        assert.match(
          reply.text,
          new RegExp(`<a class="govuk-link" href="/children/${sasha.lanternId}#chronology">Hide sources</a>`),
        );
        // The filter form keeps the column.
        assert.match(reply.text, /<input type="hidden" name="sources" value="1">/);
        const newest = await (await as('analyst')).get(record({ sources: '1', order: 'newest', area: 'in-care' }));
        assert.deepEqual(
          chronologyCells(newest.text).map((cells) => cells[3]),
          [label(y1, '2023/24'), label(y2, '2024/25'), `${label(y1, '2023/24')} | ${label(y2, '2024/25')}`],
        );
        assert.match(
          newest.text,
          new RegExp(`href="/children/${sasha.lanternId}\\?area=in-care&amp;order=newest#chronology">Hide sources`),
        );
      });

      it('names the imports without linking them for a role that may not see the imports pages', async () => {
        const reply = await (await as('social-worker')).get(record({ sources: '1' }));
        assert.equal(reply.status, 200);
        assert.deepEqual(
          chronologyCells(reply.text).map((cells) => cells[3]),
          [
            label(y1, '2023/24'),
            'Recorded in Lantern',
            'Recorded in Lantern',
            `${label(y1, '2023/24')} | ${label(y2, '2024/25')}`,
            label(y2, '2024/25'),
            label(y1, '2023/24'),
          ],
        );
        assert.doesNotMatch(reply.text, /href="\/data\/imports/);
      });

      it('logs the view with its sources as a child view', async () => {
        const reply = await (await as('social-worker')).get(record({ sources: '1' }));
        const rows = await world.database.db
          .select()
          .from(accessLog)
          .where(eq(accessLog.requestId, reply.headers.get('x-request-id') ?? ''));
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.action, 'child.view');
        assert.equal(rows[0]?.recordId, sasha.lanternId);
        assert.deepEqual(rows[0]?.detail, { view: 'record-and-chronology', sources: true });
        assert.doesNotMatch(JSON.stringify(rows), /Sasha|Sources|2015-03-10/);
      });

      it('refuses a parameter the page does not have, naming it, alike for every child and without logging a view', async () => {
        const client = await as('analyst');
        const reply = await client.get(record({ colour: 'red' }));
        assert.equal(reply.status, 400);
        assert.match(text(reply.text), /This page has no filter called colour/);
        const missing = await client.get(
          paths.withQuery(paths.children.show({ childId: 'L9999999' }), { colour: 'red' }),
        );
        assert.equal(missing.status, 400);
        assert.equal(normalise(missing.text), normalise(reply.text));
        const logged = await world.database.db
          .select()
          .from(accessLog)
          .where(eq(accessLog.requestId, reply.headers.get('x-request-id') ?? ''));
        assert.equal(logged.length, 0);
      });

      it('is a 404 for members and for children out of scope, sources or not', async () => {
        assert.equal((await (await as('member')).get(record({ sources: '1' }))).status, 404);
        const otherTeam = paths.withQuery(paths.children.show({ childId: world.childInTeamB }), { sources: '1' });
        assert.equal((await (await as('social-worker')).get(otherTeam)).status, 404);
      });
    });

    describe('API', () => {
      it('searches, returning only the allowlisted fields', async () => {
        const reply = await (await as('director')).get(`${paths.api.children({})}?q=avery`);
        assert.equal(reply.status, 200);
        const body = JSON.parse(reply.text) as { kind: string; total: number; results: Array<Record<string, unknown>> };
        assert.equal(body.kind, 'name');
        assert.equal(body.total, 1);
        assert.deepEqual(
          Object.keys(body.results[0] ?? {}).sort(),
          [
            'age',
            'currentTeam',
            'dateOfBirth',
            'expectedDateOfBirth',
            'firstName',
            'laChildId',
            'lanternId',
            'lastName',
            'status',
          ].sort(),
        );
        assert.equal(body.results[0]?.lanternId, world.childInTeamA);
      });

      it('gives a child’s record without internal ids', async () => {
        const reply = await (await as('analyst')).get(paths.api.child({ childId: journey.lanternId }));
        assert.equal(reply.status, 200);
        const body = JSON.parse(reply.text) as Record<string, unknown>;
        assert.equal(body.lanternId, journey.lanternId);
        assert.equal(body.age, 18);
        assert.equal(body.id, undefined);
        assert.equal(body.authorityId, undefined);
        assert.equal(body.chronology, undefined);
        assert.equal((body.status as { main: string }).main, 'care-leaver');
        const log = await world.database.db
          .select()
          .from(accessLog)
          .where(eq(accessLog.requestId, reply.headers.get('x-request-id') ?? ''));
        assert.equal(log[0]?.action, 'child.view');
      });

      it('gives the chronology, filtered by area', async () => {
        const client = await as('qa-auditor');
        const reply = await client.get(`${paths.api.chronology({ childId: journey.lanternId })}?area=child-protection`);
        assert.equal(reply.status, 200);
        const body = JSON.parse(reply.text) as {
          area: string;
          total: number;
          entries: Array<{ area: string; kind: string; date: string }>;
        };
        assert.equal(body.area, 'child-protection');
        assert.ok(body.entries.length >= 6);
        assert.ok(body.entries.every((e) => e.area === 'child-protection'));
        assert.ok(body.total > body.entries.length);
        assert.equal(
          (await client.get(`${paths.api.chronology({ childId: journey.lanternId })}?area=nonsense`)).status,
          400,
        );
      });

      it('answers out-of-scope and missing children with the same 404 problem', async () => {
        const client = await as('social-worker');
        const missing = await client.get(paths.api.child({ childId: 'L9999999' }));
        const denied = await client.get(paths.api.child({ childId: world.childInTeamB }));
        const deniedChronology = await client.get(paths.api.chronology({ childId: world.childInTeamB }));
        assert.equal(missing.status, 404);
        const strip = (t: string) =>
          JSON.stringify({ ...(JSON.parse(t) as Record<string, unknown>), requestId: undefined });
        assert.equal(strip(denied.text), strip(missing.text));
        assert.equal(strip(deniedChronology.text), strip(missing.text));
        const member = await as('member');
        assert.equal((await member.get(paths.api.child({ childId: world.childInTeamA }))).status, 404);
        assert.equal((await member.get(paths.api.children({}))).status, 403);
      });

      it('is described in the OpenAPI document', async () => {
        const doc = world.openapi as { paths: Record<string, unknown> };
        assert.ok(doc.paths['/api/children']);
        assert.ok(doc.paths['/api/children/{childId}']);
        assert.ok(doc.paths['/api/children/{childId}/chronology']);
      });
    });
  });
