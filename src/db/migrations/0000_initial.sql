CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"action" text NOT NULL,
	"record_type" text,
	"record_id" text,
	"request_id" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "authorities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"la_number" text,
	"gss_code" text,
	"region" text,
	"benchmark_la_number" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "authorities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "child_population" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"year" integer NOT NULL,
	"age" integer NOT NULL,
	"sex" text NOT NULL,
	"ethnic_group" text NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"name" text NOT NULL,
	"service_area" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"team_id" integer,
	"worker_id" integer,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" serial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"worker_ref" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"team_id" integer,
	"agency" boolean DEFAULT false NOT NULL,
	"fte" numeric(4, 2) DEFAULT 1 NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"snapshot_date" date NOT NULL,
	"social_worker_fte" numeric(8, 2) NOT NULL,
	"agency_fte" numeric(8, 2) NOT NULL,
	"vacancy_fte" numeric(8, 2) NOT NULL,
	"leavers_fte" numeric(8, 2) NOT NULL,
	"caseload_cases" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"team_id" integer NOT NULL,
	"worker_id" integer,
	"role" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_reason" text,
	"is_primary" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_disabilities" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"code" text NOT NULL,
	"recorded_date" date
);
--> statement-breakpoint
CREATE TABLE "children" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lantern_id" text GENERATED ALWAYS AS ('L' || lpad(id::text, 7, '0')) STORED NOT NULL,
	"authority_id" integer NOT NULL,
	"la_child_id" text NOT NULL,
	"upn" text,
	"upn_unknown_reason" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date,
	"expected_date_of_birth" date,
	"date_of_death" date,
	"sex" text NOT NULL,
	"gender" text,
	"ethnicity" text NOT NULL,
	"first_language" text,
	"religion" text,
	"postcode_district" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"related_child_id" bigint,
	"relationship" text NOT NULL,
	"family_ref" text,
	"related_date_of_birth" date
);
--> statement-breakpoint
CREATE TABLE "immigration_statuses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"status" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"cin_episode_id" bigint NOT NULL,
	"start_date" date NOT NULL,
	"authorisation_date" date,
	"child_seen" boolean,
	"child_seen_date" date,
	"child_seen_alone" boolean,
	"factors" text[],
	"further_services" boolean,
	"team_id" integer,
	"worker_id" integer
);
--> statement-breakpoint
CREATE TABLE "care_proceedings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"pre_proceedings_id" bigint,
	"issue_date" date NOT NULL,
	"final_hearing_date" date,
	"final_order" text,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "cin_episodes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"contact_id" bigint,
	"referral_date" date NOT NULL,
	"referral_source" text NOT NULL,
	"primary_need_code" text,
	"referral_nfa" boolean DEFAULT false NOT NULL,
	"closure_date" date,
	"closure_reason" text,
	"team_id" integer,
	"worker_id" integer
);
--> statement-breakpoint
CREATE TABLE "cin_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"cin_episode_id" bigint NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"team_id" integer,
	"worker_id" integer
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"contact_date" date NOT NULL,
	"source" text NOT NULL,
	"mash_decision" text,
	"decision_date" date,
	"brag_initial" text,
	"brag_final" text,
	"team_id" integer,
	"worker_id" integer
);
--> statement-breakpoint
CREATE TABLE "cp_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"cin_episode_id" bigint NOT NULL,
	"icpc_id" bigint,
	"start_date" date NOT NULL,
	"end_date" date,
	"initial_category" text NOT NULL,
	"latest_category" text NOT NULL,
	"number_of_previous_plans" integer DEFAULT 0 NOT NULL,
	"epo_or_police_protection" boolean DEFAULT false NOT NULL,
	"team_id" integer,
	"worker_id" integer
);
--> statement-breakpoint
CREATE TABLE "cp_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"cp_plan_id" bigint NOT NULL,
	"due_date" date,
	"review_date" date NOT NULL,
	"quorate" boolean,
	"participation" text
);
--> statement-breakpoint
CREATE TABLE "early_help_episodes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"contact_id" bigint,
	"request_date" date NOT NULL,
	"allocation_date" date,
	"assessment_start_date" date,
	"assessment_completion_date" date,
	"organisation" text,
	"end_date" date,
	"outcome" text,
	"team_id" integer,
	"worker_id" integer
);
--> statement-breakpoint
CREATE TABLE "initial_cp_conferences" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"cin_episode_id" bigint NOT NULL,
	"s47_enquiry_id" bigint,
	"transfer_in" boolean DEFAULT false NOT NULL,
	"target_date" date,
	"conference_date" date NOT NULL,
	"outcome_cp_plan" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pre_proceedings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"cin_episode_id" bigint,
	"start_date" date NOT NULL,
	"letter_before_proceedings_date" date,
	"fgdm_offered" boolean,
	"initial_meeting_date" date,
	"review_meetings" integer DEFAULT 0 NOT NULL,
	"decision_date" date,
	"end_date" date,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "s47_enquiries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"cin_episode_id" bigint NOT NULL,
	"strategy_discussion_id" bigint,
	"start_date" date NOT NULL,
	"end_date" date,
	"icpc_not_required" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"team_id" integer,
	"worker_id" integer
);
--> statement-breakpoint
CREATE TABLE "strategy_discussions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"cin_episode_id" bigint NOT NULL,
	"discussion_date" date NOT NULL,
	"police_present" boolean NOT NULL,
	"health_present" boolean NOT NULL,
	"education_present" boolean NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"visit_date" date NOT NULL,
	"seen" boolean NOT NULL,
	"seen_alone" boolean,
	"worker_id" integer
);
--> statement-breakpoint
CREATE TABLE "care_leaver_contacts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"contact_date" date NOT NULL,
	"in_touch" text NOT NULL,
	"accommodation" text,
	"accommodation_suitable" boolean,
	"activity" text
);
--> statement-breakpoint
CREATE TABLE "care_leavers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"eligibility" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"personal_adviser_id" integer,
	"pa_linked_date" date,
	"staying_put" boolean DEFAULT false NOT NULL,
	"staying_put_start_date" date
);
--> statement-breakpoint
CREATE TABLE "cla_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"period_of_care_id" bigint NOT NULL,
	"due_date" date,
	"review_date" date NOT NULL,
	"participation" text
);
--> statement-breakpoint
CREATE TABLE "dental_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"check_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_assessments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"assessment_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_statuses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"period_of_care_id" bigint NOT NULL,
	"legal_status" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "missing_episodes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone,
	"rhi_offered_date" date,
	"rhi_accepted_date" date,
	"rhi_completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pathway_plan_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"review_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "periods_of_care" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"reason_ceased" text,
	"category_of_need" text NOT NULL,
	"home_postcode_district" text,
	"permanence_plan" text,
	"permanence_plan_date" date,
	"previous_permanence" text,
	"previous_permanence_date" date
);
--> statement-breakpoint
CREATE TABLE "permanence_milestones" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"period_of_care_id" bigint,
	"adm_decision_date" date,
	"placement_order_date" date,
	"matched_date" date,
	"placed_for_adoption_date" date,
	"ffa_placed_date" date,
	"decision_reversed_date" date,
	"decision_reversed_reason" text,
	"order_type" text,
	"order_date" date,
	"adopted_by_foster_carer" boolean,
	"number_of_adopters" integer,
	"adopter_sex" text,
	"adopter_legal_status" text,
	"family_ref" text
);
--> statement-breakpoint
CREATE TABLE "personal_education_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"pep_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"period_of_care_id" bigint NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"placement_type" text NOT NULL,
	"provider" text,
	"carer_ref" text,
	"postcode_district" text,
	"urn" text,
	"distance_miles" numeric(6, 1),
	"in_area" boolean,
	"la_of_placement" text,
	"change_reason" text
);
--> statement-breakpoint
CREATE TABLE "sdq_scores" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"assessment_date" date NOT NULL,
	"score" integer,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "lado_referrals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint,
	"referral_date" date NOT NULL,
	"initial_consideration_date" date,
	"management_oversight_date" date,
	"employment_sector" text,
	"outcome" text,
	"closed_date" date,
	"strategy_meeting_held" boolean
);
--> statement-breakpoint
CREATE TABLE "private_fostering" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"notification_date" date NOT NULL,
	"arrangement_start_date" date,
	"initial_visit_date" date,
	"assessment_completed_date" date,
	"end_date" date
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_disabilities" ADD CONSTRAINT "child_disabilities_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_related_child_id_children_id_fk" FOREIGN KEY ("related_child_id") REFERENCES "public"."children"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immigration_statuses" ADD CONSTRAINT "immigration_statuses_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_proceedings" ADD CONSTRAINT "care_proceedings_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_episodes" ADD CONSTRAINT "cin_episodes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cin_plans" ADD CONSTRAINT "cin_plans_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_plans" ADD CONSTRAINT "cp_plans_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cp_reviews" ADD CONSTRAINT "cp_reviews_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_episodes" ADD CONSTRAINT "early_help_episodes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initial_cp_conferences" ADD CONSTRAINT "initial_cp_conferences_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_proceedings" ADD CONSTRAINT "pre_proceedings_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s47_enquiries" ADD CONSTRAINT "s47_enquiries_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussions" ADD CONSTRAINT "strategy_discussions_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_leaver_contacts" ADD CONSTRAINT "care_leaver_contacts_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_leavers" ADD CONSTRAINT "care_leavers_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cla_reviews" ADD CONSTRAINT "cla_reviews_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dental_checks" ADD CONSTRAINT "dental_checks_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_assessments" ADD CONSTRAINT "health_assessments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_statuses" ADD CONSTRAINT "legal_statuses_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_plan_reviews" ADD CONSTRAINT "pathway_plan_reviews_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods_of_care" ADD CONSTRAINT "periods_of_care_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permanence_milestones" ADD CONSTRAINT "permanence_milestones_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_education_plans" ADD CONSTRAINT "personal_education_plans_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdq_scores" ADD CONSTRAINT "sdq_scores_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lado_referrals" ADD CONSTRAINT "lado_referrals_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_fostering" ADD CONSTRAINT "private_fostering_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_time" ON "access_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "access_log_record" ON "access_log" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "access_log_user" ON "access_log" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "api_tokens_user" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "child_population_key" ON "child_population" USING btree ("authority_id","year","age","sex","ethnic_group");--> statement-breakpoint
CREATE INDEX "sessions_expires" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_authority_name" ON "teams" USING btree ("authority_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "workers_authority_ref" ON "workers" USING btree ("authority_id","worker_ref");--> statement-breakpoint
CREATE INDEX "workers_team" ON "workers" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workforce_snapshots_key" ON "workforce_snapshots" USING btree ("authority_id","snapshot_date");--> statement-breakpoint
CREATE INDEX "allocations_child" ON "allocations" USING btree ("child_id","start_date");--> statement-breakpoint
CREATE INDEX "allocations_team_open" ON "allocations" USING btree ("team_id") WHERE "allocations"."end_date" is null;--> statement-breakpoint
CREATE INDEX "allocations_worker" ON "allocations" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "child_disabilities_child" ON "child_disabilities" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "children_lantern_id" ON "children" USING btree ("lantern_id");--> statement-breakpoint
CREATE UNIQUE INDEX "children_authority_la_child_id" ON "children" USING btree ("authority_id","la_child_id");--> statement-breakpoint
CREATE INDEX "children_name" ON "children" USING btree ("authority_id",lower("last_name"),lower("first_name"));--> statement-breakpoint
CREATE INDEX "family_links_child" ON "family_links" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "immigration_statuses_child" ON "immigration_statuses" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "assessments_child" ON "assessments" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "assessments_authority_start" ON "assessments" USING btree ("authority_id","start_date");--> statement-breakpoint
CREATE INDEX "care_proceedings_child" ON "care_proceedings" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "cin_episodes_child" ON "cin_episodes" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "cin_episodes_authority_date" ON "cin_episodes" USING btree ("authority_id","referral_date");--> statement-breakpoint
CREATE INDEX "cin_plans_child" ON "cin_plans" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "cin_plans_authority_start" ON "cin_plans" USING btree ("authority_id","start_date");--> statement-breakpoint
CREATE INDEX "contacts_child" ON "contacts" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "contacts_authority_date" ON "contacts" USING btree ("authority_id","contact_date");--> statement-breakpoint
CREATE INDEX "cp_plans_child" ON "cp_plans" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "cp_plans_authority_start" ON "cp_plans" USING btree ("authority_id","start_date");--> statement-breakpoint
CREATE INDEX "cp_reviews_child" ON "cp_reviews" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "cp_reviews_plan" ON "cp_reviews" USING btree ("cp_plan_id");--> statement-breakpoint
CREATE INDEX "early_help_child" ON "early_help_episodes" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "early_help_authority_date" ON "early_help_episodes" USING btree ("authority_id","request_date");--> statement-breakpoint
CREATE INDEX "icpc_child" ON "initial_cp_conferences" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "icpc_authority_date" ON "initial_cp_conferences" USING btree ("authority_id","conference_date");--> statement-breakpoint
CREATE INDEX "pre_proceedings_child" ON "pre_proceedings" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "s47_child" ON "s47_enquiries" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "s47_authority_start" ON "s47_enquiries" USING btree ("authority_id","start_date");--> statement-breakpoint
CREATE INDEX "strategy_discussions_child" ON "strategy_discussions" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "visits_child" ON "visits" USING btree ("child_id","visit_date");--> statement-breakpoint
CREATE INDEX "visits_authority_date" ON "visits" USING btree ("authority_id","visit_date");--> statement-breakpoint
CREATE INDEX "care_leaver_contacts_child" ON "care_leaver_contacts" USING btree ("child_id","contact_date");--> statement-breakpoint
CREATE INDEX "care_leavers_child" ON "care_leavers" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "cla_reviews_child" ON "cla_reviews" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "dental_checks_child" ON "dental_checks" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "health_assessments_child" ON "health_assessments" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "legal_statuses_child" ON "legal_statuses" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "missing_child" ON "missing_episodes" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "missing_authority_start" ON "missing_episodes" USING btree ("authority_id","start_at");--> statement-breakpoint
CREATE INDEX "pathway_plan_reviews_child" ON "pathway_plan_reviews" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "periods_of_care_child" ON "periods_of_care" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "periods_of_care_authority" ON "periods_of_care" USING btree ("authority_id","start_date");--> statement-breakpoint
CREATE INDEX "permanence_child" ON "permanence_milestones" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "peps_child" ON "personal_education_plans" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "placements_child" ON "placements" USING btree ("child_id","start_date");--> statement-breakpoint
CREATE INDEX "placements_authority" ON "placements" USING btree ("authority_id","start_date");--> statement-breakpoint
CREATE INDEX "sdq_scores_child" ON "sdq_scores" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "lado_authority_date" ON "lado_referrals" USING btree ("authority_id","referral_date");--> statement-breakpoint
CREATE INDEX "lado_child" ON "lado_referrals" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "private_fostering_child" ON "private_fostering" USING btree ("child_id");