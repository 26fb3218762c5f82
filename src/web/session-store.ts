/**
 * express-session store backed by Lantern's `sessions` table, so sessions live in the same database on PGlite
 * and PostgreSQL alike (connect-pg-simple needs a node-postgres pool, which PGlite is not).
 */
import session from 'express-session';
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions } from '../db/schema/index';

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60 * 1000;

export class DatabaseSessionStore extends session.Store {
  private sweeper: NodeJS.Timeout;

  constructor(private readonly db: Db) {
    super();
    this.sweeper = setInterval(() => void this.sweep(), 15 * 60 * 1000);
    this.sweeper.unref();
  }

  private expiry(sess: session.SessionData): Date {
    // A session read back from JSON may lack its cookie; its expiry is what express-session set (the type only
    // discourages setting it by hand).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition, @typescript-eslint/no-deprecated
    const cookieExpiry = sess.cookie?.expires;
    return cookieExpiry ? new Date(cookieExpiry) : new Date(Date.now() + DEFAULT_TTL_MS);
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.db
      .select()
      .from(sessions)
      .where(eq(sessions.sid, sid))
      .limit(1)
      .then(([row]) => {
        callback(null, row && row.expiresAt.getTime() > Date.now() ? (row.data as session.SessionData) : null);
      }, callback);
  }

  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    const expiresAt = this.expiry(sess);
    void this.db
      .insert(sessions)
      .values({ sid, data: sess, expiresAt })
      .onConflictDoUpdate({ target: sessions.sid, set: { data: sess, expiresAt } })
      .then(
        () => callback?.(),
        (e: unknown) => callback?.(e),
      );
  }

  /** When each session's expiry was last written: a rolling session is written at most once a minute. */
  private touched = new Map<string, number>();

  override touch(sid: string, sess: session.SessionData, callback?: () => void): void {
    const now = Date.now();
    if (now - (this.touched.get(sid) ?? 0) < TOUCH_INTERVAL_MS) {
      callback?.();
      return;
    }
    this.touched.set(sid, now);
    if (this.touched.size > 10_000) this.touched.clear();
    this.db
      .update(sessions)
      .set({ expiresAt: this.expiry(sess) })
      .where(eq(sessions.sid, sid))
      .then(
        () => callback?.(),
        () => callback?.(),
      );
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.touched.delete(sid);
    void this.db
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(
        () => callback?.(),
        (e: unknown) => callback?.(e),
      );
  }

  async sweep(): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
