/**
 * The `lantern` command as an analyst runs it, on a real PGlite folder: in-process, and `--help` as a real process.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lanternCli, type LanternCli } from '../support/cli';

describe('the lantern command', () => {
  let cli: LanternCli;
  const run = (args: string[], input?: string, spawn = false) => cli.run(args, { input, spawn });

  before(() => {
    cli = lanternCli('lantern');
  });
  after(() => {
    cli.dispose();
  });

  test('--help on the command and on each subcommand', async () => {
    const top = await run(['--help'], undefined, true);
    assert.equal(top.status, 0);
    for (const name of ['serve', 'db', 'demo', 'users']) assert.match(top.stdout, new RegExp(`\\b${name}\\b`));
    for (const args of [
      ['serve', '--help'],
      ['db', 'migrate', '--help'],
      ['demo', 'generate', '--help'],
      ['users', 'create', '--help'],
      ['users', 'list', '--help'],
      ['users', 'token', '--help'],
    ]) {
      const r = await run(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /Usage: lantern/);
    }
    assert.match((await run(['demo', 'generate', '--help'])).stdout, /--child-population/);
  });

  test('db migrate, demo generate, then users create and list', async () => {
    const migrate = await run(['db', 'migrate']);
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.match(migrate.stdout, /Database is up to date \(pglite/);

    const generated = await run([
      'demo',
      'generate',
      '--seed',
      '7',
      '--child-population',
      '3000',
      '--years',
      '2',
      '--as-at',
      '2026-03-31',
    ]);
    assert.equal(generated.status, 0, generated.stderr);
    assert.match(generated.stdout, /Built .+ \(DEMO\)/);

    const created = await run(
      ['users', 'create', '--username', 'jo.analyst', '--name', 'Jo Analyst', '--role', 'analyst', '--password-stdin'],
      'a sufficiently long password\n',
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Created jo\.analyst \(analyst\)/);
    assert.doesNotMatch(created.stdout, /Password/);

    const generatedPassword = await run([
      'users',
      'create',
      '--username',
      'sam',
      '--name',
      'Sam',
      '--role',
      'director',
    ]);
    assert.equal(generatedPassword.status, 0, generatedPassword.stderr);
    assert.match(generatedPassword.stdout, /Password \(shown once\): \S{20,}/);

    const list = await run(['users', 'list', '--json']);
    assert.equal(list.status, 0, list.stderr);
    const users = JSON.parse(list.stdout) as Array<{ username: string; role: string }>;
    assert.deepEqual(users.map((u) => u.username).sort(), ['jo.analyst', 'sam']);

    const token = await run(['users', 'token', 'jo.analyst']);
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout.trim(), /^lan_[A-Za-z0-9_-]{43}$/);
  });

  test('bad input gets a specific message and changes nothing', async () => {
    const noTeam = await run(
      ['users', 'create', '--username', 'tm', '--name', 'TM', '--role', 'team-manager', '--password-stdin'],
      'a sufficiently long password\n',
    );
    assert.equal(noTeam.status, 1);
    assert.match(noTeam.stderr, /teamId: Select the team this user works in/);

    const badTeam = await run([
      'users',
      'create',
      '--username',
      'tm',
      '--name',
      'TM',
      '--role',
      'team-manager',
      '--team',
      'No Such Team',
    ]);
    assert.equal(badTeam.status, 1);
    assert.match(badTeam.stderr, /--team: No team called “No Such Team”/);

    const badRole = await run(['users', 'create', '--username', 'x', '--name', 'X', '--role', 'wizard']);
    assert.notEqual(badRole.status, 0);
    assert.match(badRole.stderr, /Allowed choices are admin, director/);

    const shortPassword = await run(
      ['users', 'create', '--username', 'y', '--name', 'Y', '--role', 'analyst', '--password-stdin'],
      'short\n',
    );
    assert.equal(shortPassword.status, 1);
    assert.match(shortPassword.stderr, /password: Password must be at least 12 characters/);

    const badDate = await run(['demo', 'generate', '--as-at', '2026-13-45']);
    assert.notEqual(badDate.status, 0);
    assert.match(badDate.stderr, /Use a real date in the format YYYY-MM-DD/);

    const list = JSON.parse((await run(['users', 'list', '--json'])).stdout) as unknown[];
    assert.equal(list.length, 2, 'no user was added by the failed attempts');
  });
});
