/**
 * Allocating a programme's selected cases to auditors. Pure.
 *
 * Independence: an auditor never audits a case held by their own team. Quality assurance that is worth trusting is
 * independent of the practice it looks at — the seed self-assessment (001) describes audits "triple locked" by
 * another authority to make the grades consistent and accurate, and Ofsted's ILACS framework expects leaders to know
 * their services through quality assurance that is accurate and challenging, which a manager grading their own team's
 * work cannot give. So a case goes only to an auditor of another team, or to one with no team (a QA auditor).
 *
 * Balance: each case goes to the eligible auditor with the least load — their open, unsubmitted audits and
 * allocations now, plus what this run has already given them — ties to the lower user id. Cases are taken in order of
 * their id, so the same cases and auditors always give the same allocation, whatever order they arrive in.
 *
 * A case that no auditor may take (every auditor is of the child's team, or there are none) is left unallocated with
 * the reason, for the QA lead to allocate by hand or to ask another team.
 */

export interface CaseToAllocate {
  caseId: number;
  /** The child's team when selected (null: no team, so any auditor may take it). */
  teamId: number | null;
}

export interface AuditorLoad {
  userId: number;
  /** The auditor's own team (null for an auditor outside any team, such as a QA auditor). */
  teamId: number | null;
  /** Open, unsubmitted audits and allocations the auditor has now. */
  load: number;
}

export interface AllocationResult {
  allocations: Array<{ caseId: number; userId: number }>;
  unallocated: Array<{ caseId: number; reason: string }>;
}

export const NO_AUDITORS = 'There are no auditors: no active user may conduct audits.';
export const ONLY_OWN_TEAM =
  'Every auditor is in the child’s team, and an auditor does not audit their own team’s practice.';

/** May this auditor audit a case of this team? Not when it is their own team. */
export function independentOf(auditorTeamId: number | null, caseTeamId: number | null): boolean {
  return auditorTeamId === null || caseTeamId === null || auditorTeamId !== caseTeamId;
}

export function allocate(cases: readonly CaseToAllocate[], auditors: readonly AuditorLoad[]): AllocationResult {
  const loads = [...auditors].map((a) => ({ ...a })).sort((a, b) => a.userId - b.userId);
  const result: AllocationResult = { allocations: [], unallocated: [] };
  for (const c of [...cases].sort((a, b) => a.caseId - b.caseId)) {
    let best: (typeof loads)[number] | undefined;
    for (const a of loads) {
      if (!independentOf(a.teamId, c.teamId)) continue;
      // loads is in user id order, so a strict "less than" keeps the lower id on a tie.
      if (!best || a.load < best.load) best = a;
    }
    if (!best) {
      result.unallocated.push({ caseId: c.caseId, reason: loads.length === 0 ? NO_AUDITORS : ONLY_OWN_TEAM });
      continue;
    }
    best.load += 1;
    result.allocations.push({ caseId: c.caseId, userId: best.userId });
  }
  return result;
}
