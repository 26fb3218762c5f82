import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, DEFAULT_DEMO_PASSWORD, loadConfig } from './config';

test('outside demo mode the server refuses to start without a real SESSION_SECRET', () => {
  assert.throws(
    () => loadConfig({}, { purpose: 'serve' }),
    (err: unknown) => err instanceof ConfigError && err.message.includes('SESSION_SECRET'),
  );
  assert.throws(() => loadConfig({ SESSION_SECRET: 'changeme' }, { purpose: 'serve' }), ConfigError);
  assert.throws(() => loadConfig({ SESSION_SECRET: 'x'.repeat(31) }, { purpose: 'serve' }), ConfigError);
  assert.equal(loadConfig({ SESSION_SECRET: 'x'.repeat(32) }, { purpose: 'serve' }).sessionSecret, 'x'.repeat(32));
});

test('demo mode makes its own random session secret and uses the demo password unless one is set', () => {
  const a = loadConfig({}, { demo: true });
  const b = loadConfig({}, { demo: true });
  assert.equal(a.sessionSecret.length, 64);
  assert.notEqual(a.sessionSecret, b.sessionSecret);
  assert.equal(a.demoPassword, DEFAULT_DEMO_PASSWORD);
  assert.equal(
    loadConfig({ LANTERN_DEMO_PASSWORD: 'another-password' }, { demo: true }).demoPassword,
    'another-password',
  );
});

test('production refuses demo mode, and every problem is listed at once', () => {
  try {
    loadConfig({ NODE_ENV: 'production' }, { demo: true, purpose: 'serve' });
    assert.fail('expected a ConfigError');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    assert.equal(err.problems.length, 2);
  }
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' }),
    (err: unknown) => err instanceof ConfigError && err.problems.length === 2,
  );
});

test('an empty variable counts as unset', () => {
  assert.equal(loadConfig({ SESSION_SECRET: 's'.repeat(40), DATABASE_URL: '', PORT: '' }).databaseUrl, undefined);
});

test('defaults: port 3000, data in ./data, secure cookies only in production', () => {
  const c = loadConfig({ SESSION_SECRET: 's'.repeat(40) });
  assert.equal(c.port, 3000);
  assert.equal(c.dataDir, './data');
  assert.equal(c.secureCookies, false);
  assert.equal(loadConfig({ SESSION_SECRET: 's'.repeat(40), NODE_ENV: 'production' }).secureCookies, true);
});
