import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authorities } from '../db/schema/index';
import { ValidationError } from '../core/errors';

/** The authority a command acts on: the one named, else the only one, else DEMO. */
export async function resolveAuthority(db: Db, code: string | undefined) {
  if (code) {
    const [row] = await db.select().from(authorities).where(eq(authorities.code, code)).limit(1);
    if (!row) throw new ValidationError([{ field: '--authority', message: `No authority with code ${code}` }]);
    return row;
  }
  const rows = await db.select().from(authorities).orderBy(authorities.id).limit(50);
  if (rows.length === 1 && rows[0]) return rows[0];
  const demo = rows.find((r) => r.code === 'DEMO');
  if (demo) return demo;
  throw new ValidationError([
    {
      field: '--authority',
      message:
        rows.length === 0
          ? 'There is no authority yet: run lantern demo generate, or import data'
          : `Choose one of: ${rows.map((r) => r.code).join(', ')}`,
    },
  ]);
}
