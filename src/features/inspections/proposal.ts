/**
 * What the report reader proposes from an Ofsted report or letter: the inspection record, for the user to check and
 * correct before it is saved. Every field may be missing; `warnings` says, in plain English, what the reader could
 * not find or was unsure of.
 */
import type { ActivityKind, Framework, Grade, JudgementKey, RecommendationKind } from '../../domain/ofsted';

export interface ProposedJudgement {
  key: JudgementKey;
  grade: Grade;
}

export interface ProposedRecommendation {
  kind: RecommendationKind;
  /** 1-based, in the order the report lists them. */
  number: number;
  text: string;
}

export interface ProposedParagraph {
  /** The paragraph's number in the report. */
  number: number;
  /** The judgement heading it sits under, null before the first. */
  judgement: JudgementKey | null;
  heading: string;
  text: string;
}

export interface ProposedInspection {
  kind: ActivityKind | null;
  framework: Framework | null;
  /** The authority named by the report, as written ("Barnet", "London Borough of Barnet"). */
  authorityName: string | null;
  startDate: string | null;
  endDate: string | null;
  publishedOn: string | null;
  leadInspector: string | null;
  theme: string | null;
  summary: string;
  judgements: ProposedJudgement[];
  recommendations: ProposedRecommendation[];
  paragraphs: ProposedParagraph[];
  warnings: string[];
}
