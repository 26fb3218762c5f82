/**
 * The child a path names (/children/:childId, /api/children/:childId): their Lantern id.
 */
import { z } from 'zod';

export const childParams = z.object({ childId: z.string().max(32) });
