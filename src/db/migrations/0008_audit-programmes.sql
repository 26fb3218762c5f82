CREATE TABLE "audit_framework_domains" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" bigint NOT NULL,
	"domain_id" bigint NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"guidance" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_framework_questions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"framework_domain_id" bigint NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_framework_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"framework_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"published_on" date,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_frameworks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_grade_descriptors" (
	"framework_domain_id" bigint NOT NULL,
	"grade" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "audit_grade_descriptors_framework_domain_id_grade_pk" PRIMARY KEY("framework_domain_id","grade")
);
--> statement-breakpoint
CREATE TABLE "audit_programme_cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"programme_id" bigint NOT NULL,
	"child_id" bigint NOT NULL,
	"team_id" integer,
	"service_area" text,
	"stratum" text DEFAULT '' NOT NULL,
	"auditor_user_id" integer,
	"allocated_on" date,
	"audit_id" bigint
);
--> statement-breakpoint
CREATE TABLE "audit_programmes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"framework_version_id" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planning' NOT NULL,
	"partner_agencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"selection" jsonb,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"domain_id" bigint,
	"description" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_user_id" integer,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_on" date,
	"completion_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_contributions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"agency" text NOT NULL,
	"contributor_name" text NOT NULL,
	"contributor_role" text DEFAULT '' NOT NULL,
	"narrative" text NOT NULL,
	"grade" text,
	"contributed_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"user_name" text NOT NULL,
	"event" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_audits" ADD COLUMN "framework_version_id" bigint;--> statement-breakpoint
ALTER TABLE "case_audits" ADD COLUMN "programme_id" bigint;--> statement-breakpoint
ALTER TABLE "case_audits" ADD COLUMN "programme_case_id" bigint;--> statement-breakpoint
ALTER TABLE "case_audits" ADD COLUMN "overall_narrative" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_audits" ADD COLUMN "worker_reflection" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_audits" ADD COLUMN "manager_reflection" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_audits" ADD COLUMN "feedback_from" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_audits" ADD COLUMN "family_feedback" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_audits" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_framework_domains_version_domain" ON "audit_framework_domains" USING btree ("version_id","domain_id");--> statement-breakpoint
CREATE INDEX "audit_framework_questions_domain" ON "audit_framework_questions" USING btree ("framework_domain_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_framework_versions_number" ON "audit_framework_versions" USING btree ("framework_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_frameworks_key" ON "audit_frameworks" USING btree ("authority_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_programme_cases_child" ON "audit_programme_cases" USING btree ("programme_id","child_id");--> statement-breakpoint
CREATE INDEX "audit_programme_cases_auditor" ON "audit_programme_cases" USING btree ("auditor_user_id");--> statement-breakpoint
CREATE INDEX "audit_programmes_authority" ON "audit_programmes" USING btree ("authority_id","starts_on");--> statement-breakpoint
CREATE INDEX "case_audit_actions_audit" ON "case_audit_actions" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "case_audit_actions_due" ON "case_audit_actions" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "case_audit_contributions_audit" ON "case_audit_contributions" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "case_audit_events_audit" ON "case_audit_events" USING btree ("audit_id","at");--> statement-breakpoint
CREATE INDEX "case_audits_programme" ON "case_audits" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "case_audits_auditor" ON "case_audits" USING btree ("auditor_user_id","status");