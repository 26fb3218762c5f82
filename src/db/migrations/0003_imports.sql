CREATE TABLE "deprivation_of_liberty_orders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"import_batch_id" bigint,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"format" text NOT NULL,
	"period" text NOT NULL,
	"period_label" text NOT NULL,
	"collection_year" integer,
	"digest" text NOT NULL,
	"status" text NOT NULL,
	"file_names" text[] NOT NULL,
	"bytes" bigint NOT NULL,
	"counts" text,
	"errors" integer DEFAULT 0 NOT NULL,
	"queries" integer DEFAULT 0 NOT NULL,
	"imported_by" text NOT NULL,
	"user_id" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"superseded_by" bigint
);
--> statement-breakpoint
CREATE TABLE "import_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"chunk" integer NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_issues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"row_number" integer,
	"column" text,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"child_ref" text
);
--> statement-breakpoint
ALTER TABLE "children" ALTER COLUMN "first_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ALTER COLUMN "last_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "child_disabilities" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "family_links" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "immigration_statuses" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "care_proceedings" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "cin_episodes" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "cin_plans" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "cp_plans" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "cp_reviews" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "initial_cp_conferences" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "pre_proceedings" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "s47_enquiries" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "strategy_discussions" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "care_leaver_contacts" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "care_leavers" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "cla_reviews" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "dental_checks" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "health_assessments" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "legal_statuses" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "pathway_plan_reviews" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "periods_of_care" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "permanence_milestones" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "personal_education_plans" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "sdq_scores" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "private_fostering" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "deprivation_of_liberty_orders" ADD CONSTRAINT "deprivation_of_liberty_orders_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deprivation_of_liberty_orders_import_batch" ON "deprivation_of_liberty_orders" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "dolo_child" ON "deprivation_of_liberty_orders" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "import_batches_authority" ON "import_batches" USING btree ("authority_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_live" ON "import_batches" USING btree ("authority_id","format","period") WHERE "import_batches"."status" = 'accepted';--> statement-breakpoint
CREATE UNIQUE INDEX "import_files_chunk" ON "import_files" USING btree ("batch_id","file_name","chunk");--> statement-breakpoint
CREATE INDEX "import_issues_batch" ON "import_issues" USING btree ("batch_id","rule");--> statement-breakpoint
CREATE INDEX "allocations_import_batch" ON "allocations" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "child_disabilities_import_batch" ON "child_disabilities" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "family_links_import_batch" ON "family_links" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "immigration_statuses_import_batch" ON "immigration_statuses" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "assessments_import_batch" ON "assessments" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "care_proceedings_import_batch" ON "care_proceedings" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "cin_episodes_import_batch" ON "cin_episodes" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "cin_plans_import_batch" ON "cin_plans" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "contacts_import_batch" ON "contacts" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "cp_plans_import_batch" ON "cp_plans" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "cp_reviews_import_batch" ON "cp_reviews" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "early_help_episodes_import_batch" ON "early_help_episodes" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "initial_cp_conferences_import_batch" ON "initial_cp_conferences" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "pre_proceedings_import_batch" ON "pre_proceedings" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "s47_enquiries_import_batch" ON "s47_enquiries" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "strategy_discussions_import_batch" ON "strategy_discussions" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "visits_import_batch" ON "visits" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "care_leaver_contacts_import_batch" ON "care_leaver_contacts" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "care_leavers_import_batch" ON "care_leavers" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "cla_reviews_import_batch" ON "cla_reviews" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "dental_checks_import_batch" ON "dental_checks" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "health_assessments_import_batch" ON "health_assessments" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "legal_statuses_import_batch" ON "legal_statuses" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "missing_episodes_import_batch" ON "missing_episodes" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "pathway_plan_reviews_import_batch" ON "pathway_plan_reviews" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "periods_of_care_import_batch" ON "periods_of_care" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "permanence_milestones_import_batch" ON "permanence_milestones" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "personal_education_plans_import_batch" ON "personal_education_plans" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "placements_import_batch" ON "placements" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "sdq_scores_import_batch" ON "sdq_scores" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "private_fostering_import_batch" ON "private_fostering" USING btree ("import_batch_id");