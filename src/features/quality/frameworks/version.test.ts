/**
 * Framework versions in the database, on both engines: installing the default framework (idempotent), reading a
 * version whole and in order, the published versions to choose from, and the draft → published → retired life of a
 * version through the service (a fixed version refuses every change and nothing changes).
 *
 * The default framework by hand (default-framework.ts):
 *   version 1: 8 domains; questions 4 (assessment) + 4 (planning) + 3 × 6 (the others) = 26; 8 × 4 = 32 descriptors
 *   version 2: voice of the child 3 → 4 questions, management oversight 3 → 4 questions: 26 + 2 = 28 questions
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../../db/query';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { PRACTICE_DOMAINS } from '../../../domain/practice-domains';
import { describeEachEngine } from '../../../../test/support/databases';
import { buildAuthority, buildCaseAudit, buildChild } from '../../../../test/support/builders';
import { PRACTICE_STANDARDS, type FrameworkDefinition } from './default-framework';
import {
  createDraftVersion,
  DraftExistsError,
  keyFromTitle,
  listFrameworks,
  publishProblems,
  publishVersion,
  updateDraftDomain,
  updateDraftVersion,
  VersionFixedError,
} from './service';
import { installFramework, loadFrameworkVersion, publishedVersions } from './version';

const PUBLISHED = [
  { publishedOn: '2024-04-01', publishedBy: 'Quinn Auditor' },
  { publishedOn: '2025-04-01', publishedBy: 'Quinn Auditor' },
];

/** An auditor that only notes what it was asked to record. */
function fakeAuditor(): Auditor & { entries: unknown[] } {
  const entries: unknown[] = [];
  return {
    action: 'test',
    entries,
    get recorded() {
      return entries.length > 0;
    },
    async record(_tx, target) {
      entries.push(target);
    },
  };
}

describeEachEngine('audit framework versions', (ctx) => {
  let la = 0;
  let other = 0;
  let ids: number[] = [];

  const count = async (table: string) =>
    Number(
      (await rows<{ n: number | string }>(ctx.database.db, sql`select count(*) as n from ${sql.raw(table)}`))[0]?.n ??
        0,
    );

  before(async () => {
    const db = ctx.database.db;
    la = (await buildAuthority(db)).id;
    other = (await buildAuthority(db)).id;
    ids = await installFramework(db, la, PRACTICE_STANDARDS, PUBLISHED);
  });

  it('installs the two versions once: installing again changes nothing and returns the same ids', async () => {
    const db = ctx.database.db;
    assert.equal(ids.length, 2);
    const before = {
      frameworks: await count('audit_frameworks'),
      versions: await count('audit_framework_versions'),
      domains: await count('audit_framework_domains'),
      questions: await count('audit_framework_questions'),
      descriptors: await count('audit_grade_descriptors'),
    };
    // 2 versions × 8 domains = 16; 26 + 28 = 54 questions; 16 × 4 = 64 descriptors.
    assert.deepEqual(before, { frameworks: 1, versions: 2, domains: 16, questions: 54, descriptors: 64 });
    assert.deepEqual(await installFramework(db, la, PRACTICE_STANDARDS, PUBLISHED), ids);
    const after = {
      frameworks: await count('audit_frameworks'),
      versions: await count('audit_framework_versions'),
      domains: await count('audit_framework_domains'),
      questions: await count('audit_framework_questions'),
      descriptors: await count('audit_grade_descriptors'),
    };
    assert.deepEqual(after, before);
    const practice = await rows<{ n: number | string }>(
      db,
      sql`select count(*) as n from practice_domains where authority_id = ${la}`,
    );
    assert.equal(Number(practice[0]?.n), 8, 'the eight practice domains, created once');
    const [listed] = await listFrameworks(db, la);
    assert.deepEqual(
      listed?.versions.map((v) => [v.version, v.status, v.publishedOn, v.publishedBy]),
      [
        [2, 'published', '2025-04-01', 'Quinn Auditor'],
        [1, 'retired', '2024-04-01', 'Quinn Auditor'],
      ],
    );
  });

  it('reads a version whole: domains in order, questions in order, the four descriptors', async () => {
    const db = ctx.database.db;
    const v2 = await loadFrameworkVersion(db, la, ids[1] ?? 0);
    assert.ok(v2);
    assert.equal(v2.key, 'practice-standards');
    assert.equal(v2.version, 2);
    assert.equal(v2.status, 'published');
    assert.equal(v2.publishedOn, '2025-04-01');
    assert.deepEqual(
      v2.domains.map((d) => d.key),
      PRACTICE_DOMAINS.map((d) => d.key),
    );
    assert.deepEqual(
      v2.domains.map((d) => d.sortOrder),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    const voice = v2.domains.find((d) => d.key === 'voice-of-the-child');
    assert.equal(voice?.title, 'Voice of the child');
    assert.equal(voice?.questions.length, 4);
    assert.match(voice?.questions[3]?.text ?? '', /lived experience/);
    const oversight = v2.domains.find((d) => d.key === 'management-oversight-and-supervision');
    assert.match(oversight?.questions[1]?.text ?? '', /How often is the worker supervised/);
    for (const d of v2.domains)
      assert.deepEqual(Object.keys(d.descriptors).sort(), [
        'good',
        'inadequate',
        'outstanding',
        'requires-improvement',
      ]);
    const v1 = await loadFrameworkVersion(db, la, ids[0] ?? 0);
    assert.equal(v1?.status, 'retired');
    assert.equal(v1?.domains.find((d) => d.key === 'voice-of-the-child')?.questions.length, 3);
    assert.equal(await loadFrameworkVersion(db, other, ids[0] ?? 0), null, "another authority's version is not found");
  });

  it('lists only the version in force as published', async () => {
    const db = ctx.database.db;
    const versionId = ids[1] ?? 0;
    assert.deepEqual(await publishedVersions(db, la), [
      {
        versionId,
        frameworkId: (await loadFrameworkVersion(db, la, versionId))?.frameworkId,
        title: 'Practice standards audit',
        version: 2,
        publishedOn: '2025-04-01',
      },
    ]);
    assert.deepEqual(await publishedVersions(db, other), []);
  });

  it('creates a practice domain a definition names that the authority lacks', async () => {
    const db = ctx.database.db;
    const def: FrameworkDefinition = {
      key: 'permanence',
      title: 'Permanence audit',
      description: '',
      versions: [
        {
          notes: 'First version.',
          domains: [
            {
              key: 'permanence-planning',
              guidance: 'g',
              questions: ['q1', 'q2'],
              descriptors: { outstanding: 'o', good: 'g', 'requires-improvement': 'r', inadequate: 'i' },
            },
          ],
        },
      ],
    };
    const [versionId] = await installFramework(db, other, def, [{ publishedOn: '2025-01-06', publishedBy: 'Someone' }]);
    const detail = await loadFrameworkVersion(db, other, versionId ?? 0);
    assert.deepEqual(
      detail?.domains.map((d) => [d.key, d.title, d.questions.map((q) => q.text)]),
      [['permanence-planning', 'Permanence planning', ['q1', 'q2']]],
    );
    // The eight defaults are seeded too; nine in all for that authority.
    const practice = await rows<{ n: number | string }>(
      db,
      sql`select count(*) as n from practice_domains where authority_id = ${other}`,
    );
    assert.equal(Number(practice[0]?.n), 9);
  });

  it('makes the next draft as a copy of the latest, and only one draft at a time', async () => {
    const db = ctx.database.db;
    const frameworkId = (await loadFrameworkVersion(db, la, ids[1] ?? 0))?.frameworkId ?? 0;
    const audit = fakeAuditor();
    assert.equal(await createDraftVersion(db, la, frameworkId, audit), 3);
    const [listed] = await listFrameworks(db, la);
    const v3 = await loadFrameworkVersion(db, la, listed?.versions[0]?.id ?? 0);
    const v2 = await loadFrameworkVersion(db, la, ids[1] ?? 0);
    assert.equal(v3?.status, 'draft');
    assert.equal(v3?.notes, '');
    assert.equal(v3?.publishedOn, null);
    const shape = (v: typeof v2) =>
      v?.domains.map((d) => ({
        key: d.key,
        guidance: d.guidance,
        questions: d.questions.map((q) => q.text),
        descriptors: d.descriptors,
      }));
    assert.deepEqual(shape(v3), shape(v2));
    assert.notEqual(v3?.domains[0]?.questions[0]?.id, v2?.domains[0]?.questions[0]?.id, 'copied rows, not shared ones');
    await assert.rejects(
      createDraftVersion(db, la, frameworkId, audit),
      (e: unknown) => e instanceof DraftExistsError && e.version === 3,
    );
    assert.equal(audit.entries.length, 1);
  });

  it('refuses any change to a published or retired version, and nothing changes', async () => {
    const db = ctx.database.db;
    const v1 = await loadFrameworkVersion(db, la, ids[0] ?? 0);
    const frameworkId = v1?.frameworkId ?? 0;
    const voice = v1?.domains.find((d) => d.key === 'voice-of-the-child');
    const audit = fakeAuditor();
    const questionsBefore = await count('audit_framework_questions');
    await assert.rejects(
      updateDraftVersion(db, la, frameworkId, 1, { notes: 'Changed', domains: [], order: {} }, audit),
      (e: unknown) => e instanceof VersionFixedError && e.versionStatus === 'retired',
    );
    await assert.rejects(
      updateDraftDomain(
        db,
        la,
        frameworkId,
        2,
        voice?.domainId ?? 0,
        {
          guidance: 'x',
          questions: 'Only one',
          descriptors: { outstanding: 'a', good: 'b', 'requires-improvement': 'c', inadequate: 'd' },
        },
        audit,
      ),
      (e: unknown) => e instanceof VersionFixedError && e.versionStatus === 'published' && e.status === 409,
    );
    await assert.rejects(publishVersion(db, la, frameworkId, 2, '2026-01-05', 'X', audit), VersionFixedError);
    assert.deepEqual(await loadFrameworkVersion(db, la, ids[0] ?? 0), v1);
    assert.equal(await count('audit_framework_questions'), questionsBefore);
    assert.equal(audit.entries.length, 0);
  });

  it('publishing v3 retires v2; an audit graded against v1 still reads v1', async () => {
    const db = ctx.database.db;
    const child = await buildChild(db, { authorityId: la });
    const graded = await buildCaseAudit(db, { id: child.id, authorityId: la }, { frameworkVersionId: ids[0] ?? 0 });
    const frameworkId = (await loadFrameworkVersion(db, la, ids[0] ?? 0))?.frameworkId ?? 0;
    await publishVersion(db, la, frameworkId, 3, '2026-01-05', 'Quinn Auditor', fakeAuditor());
    const [listed] = await listFrameworks(db, la);
    assert.deepEqual(
      listed?.versions.map((v) => [v.version, v.status, v.publishedOn, v.audits]),
      [
        [3, 'published', '2026-01-05', 0],
        [2, 'retired', '2025-04-01', 0],
        [1, 'retired', '2024-04-01', 1],
      ],
    );
    const used = await loadFrameworkVersion(db, la, graded.frameworkVersionId ?? 0);
    assert.equal(used?.version, 1);
    assert.deepEqual(
      used?.domains.find((d) => d.key === 'management-oversight-and-supervision')?.questions.map((q) => q.text),
      PRACTICE_STANDARDS.versions[0]?.domains.find((d) => d.key === 'management-oversight-and-supervision')?.questions,
    );
  });

  it('names exactly what an incomplete draft lacks', () => {
    assert.deepEqual(publishProblems({ domains: [] }), [
      { field: 'domains', message: 'Add at least one practice domain before publishing' },
    ]);
    assert.deepEqual(
      publishProblems({
        domains: [
          { domainId: 4, title: 'Voice of the child', questions: [], descriptors: { outstanding: 'o', good: ' ' } },
          {
            domainId: 5,
            title: 'Impact on the child',
            questions: [{}],
            descriptors: { outstanding: 'o', good: 'g', 'requires-improvement': 'r', inadequate: 'i' },
          },
        ],
      }),
      [
        { field: 'domain-4', message: 'Voice of the child needs at least one question' },
        {
          field: 'domain-4',
          message:
            'Voice of the child needs a grade descriptor for Good, Requires improvement to be good and Inadequate',
        },
      ],
    );
  });

  it('derives keys from titles', () => {
    assert.equal(keyFromTitle('Voice of the child'), 'voice-of-the-child');
    assert.equal(keyFromTitle('  Children’s  lived experience! '), 'childrens-lived-experience');
    assert.equal(keyFromTitle('***'), '');
  });
});
