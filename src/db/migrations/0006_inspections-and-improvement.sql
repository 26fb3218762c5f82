CREATE TABLE "ofsted_outcomes" (
	"import_id" integer NOT NULL,
	"source" text NOT NULL,
	"la_number" text NOT NULL,
	"la_name" text NOT NULL,
	"ofsted_region" text,
	"kind" text,
	"theme" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"published_on" date,
	"lead_inspector" text,
	"overall" text,
	"leaders" text,
	"help_and_protection" text,
	"children_in_care" text,
	"care_leavers" text,
	"link" text
);
--> statement-breakpoint
CREATE TABLE "improvement_action_domains" (
	"action_id" bigint NOT NULL,
	"domain_id" bigint NOT NULL,
	CONSTRAINT "improvement_action_domains_action_id_domain_id_pk" PRIMARY KEY("action_id","domain_id")
);
--> statement-breakpoint
CREATE TABLE "improvement_action_indicators" (
	"action_id" bigint NOT NULL,
	"indicator_id" text NOT NULL,
	"target" numeric,
	CONSTRAINT "improvement_action_indicators_action_id_indicator_id_pk" PRIMARY KEY("action_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "improvement_action_recommendations" (
	"action_id" bigint NOT NULL,
	"recommendation_id" bigint NOT NULL,
	CONSTRAINT "improvement_action_recommendations_action_id_recommendation_id_pk" PRIMARY KEY("action_id","recommendation_id")
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"objective_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"success_measure" text DEFAULT '' NOT NULL,
	"owner" text NOT NULL,
	"start_date" date NOT NULL,
	"due_date" date NOT NULL,
	"completed_on" date,
	"status" text DEFAULT 'not-started' NOT NULL,
	"rag" text DEFAULT 'green' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_objectives" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"theme_id" bigint NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_progress_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action_id" bigint NOT NULL,
	"updated_on" date NOT NULL,
	"status" text NOT NULL,
	"rag" text NOT NULL,
	"note" text NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_themes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_judgements" (
	"inspection_id" bigint NOT NULL,
	"judgement" text NOT NULL,
	"grade" text NOT NULL,
	CONSTRAINT "inspection_judgements_inspection_id_judgement_pk" PRIMARY KEY("inspection_id","judgement")
);
--> statement-breakpoint
CREATE TABLE "inspection_paragraphs" (
	"inspection_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"judgement" text,
	"heading" text DEFAULT '' NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "inspection_paragraphs_inspection_id_number_pk" PRIMARY KEY("inspection_id","number")
);
--> statement-breakpoint
CREATE TABLE "inspection_recommendations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inspection_id" bigint NOT NULL,
	"kind" text DEFAULT 'recommendation' NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"kind" text NOT NULL,
	"framework" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"lead_inspector" text,
	"theme" text,
	"report_received_on" date,
	"published_on" date,
	"action_plan_sent_on" date,
	"summary" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'entered' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_grades" (
	"audit_id" bigint NOT NULL,
	"domain_id" bigint NOT NULL,
	"grade" text NOT NULL,
	"agreed_grade" text,
	"narrative" text DEFAULT '' NOT NULL,
	CONSTRAINT "case_audit_grades_audit_id_domain_id_pk" PRIMARY KEY("audit_id","domain_id")
);
--> statement-breakpoint
CREATE TABLE "case_audits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"team_id" integer,
	"auditor_user_id" integer,
	"auditor_name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_on" date,
	"overall_grade" text,
	"agreed_overall_grade" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_domains" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ofsted_outcomes_la" ON "ofsted_outcomes" USING btree ("la_number","start_date");--> statement-breakpoint
CREATE INDEX "ofsted_outcomes_import" ON "ofsted_outcomes" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "improvement_action_recommendations_rec" ON "improvement_action_recommendations" USING btree ("recommendation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "improvement_actions_number" ON "improvement_actions" USING btree ("objective_id","number");--> statement-breakpoint
CREATE INDEX "improvement_actions_authority" ON "improvement_actions" USING btree ("authority_id");--> statement-breakpoint
CREATE UNIQUE INDEX "improvement_objectives_code" ON "improvement_objectives" USING btree ("theme_id","code");--> statement-breakpoint
CREATE INDEX "improvement_progress_updates_action" ON "improvement_progress_updates" USING btree ("action_id","updated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "improvement_themes_number" ON "improvement_themes" USING btree ("authority_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_recommendations_number" ON "inspection_recommendations" USING btree ("inspection_id","kind","number");--> statement-breakpoint
CREATE INDEX "inspections_authority_start" ON "inspections" USING btree ("authority_id","start_date");--> statement-breakpoint
CREATE INDEX "case_audit_grades_domain" ON "case_audit_grades" USING btree ("domain_id");--> statement-breakpoint
CREATE INDEX "case_audits_authority_submitted" ON "case_audits" USING btree ("authority_id","submitted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_domains_key" ON "practice_domains" USING btree ("authority_id","key");