/**
 * When an improvement action stands out on the plan: pure rules, used by the plan, its pages and its exports.
 *
 * - Overdue: its due date has passed (due < today) and it is not complete. Due today is not yet overdue.
 * - Off track: not complete, and
 *     - rated red, or
 *     - blocked, or
 *     - rated amber with its due date within the next 20 working days (due ≤ the 20th working day after today,
 *       counted as src/domain/working-days.ts counts: today is day 0) — amber with time to recover is watched, not
 *       off track; amber that close to the deadline will not recover in time.
 *   An overdue action is flagged as overdue whatever its RAG; it is off track too only when a rule above holds, so
 *   the two counts answer different questions (missed the date / will not deliver).
 */
import { addWorkingDays } from './working-days';

/** An improvement action's status and its RAG rating, as the plan records them. */
export const ACTION_STATUSES = ['not-started', 'in-progress', 'complete', 'blocked'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

/** Working days before the due date within which an amber action counts as off track. */
export const AMBER_OFF_TRACK_WORKING_DAYS = 20;

export interface ActionState {
  readonly status: ActionStatus;
  readonly rag: Rag;
  readonly dueDate: string;
}

export function isOverdue(action: ActionState, today: string): boolean {
  return action.status !== 'complete' && action.dueDate < today;
}

export function isOffTrack(action: ActionState, today: string): boolean {
  if (action.status === 'complete') return false;
  if (action.rag === 'red' || action.status === 'blocked') return true;
  return action.rag === 'amber' && action.dueDate <= addWorkingDays(today, AMBER_OFF_TRACK_WORKING_DAYS);
}

export const STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  blocked: 'Blocked',
};

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** The action's reference as the plan numbers it: theme number, objective code, action number ("3b.2"). */
export function actionReference(themeNumber: number, objectiveCode: string, actionNumber: number): string {
  return `${themeNumber}${objectiveCode}.${actionNumber}`;
}
