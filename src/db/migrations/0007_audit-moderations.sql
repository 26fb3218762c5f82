CREATE TABLE "case_audit_moderation_grades" (
	"moderation_id" bigint NOT NULL,
	"domain_id" bigint NOT NULL,
	"grade" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "case_audit_moderation_grades_moderation_id_domain_id_pk" PRIMARY KEY("moderation_id","domain_id")
);
--> statement-breakpoint
CREATE TABLE "case_audit_moderations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"level" text NOT NULL,
	"moderator_user_id" integer,
	"moderator_name" text NOT NULL,
	"moderated_on" date NOT NULL,
	"overall_grade" text,
	"overall_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_audit_moderations_audit" ON "case_audit_moderations" USING btree ("audit_id","moderated_on");