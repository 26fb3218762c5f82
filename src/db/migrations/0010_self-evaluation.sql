CREATE TABLE "self_evaluation_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"year" integer NOT NULL,
	"area" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"strengths" text DEFAULT '' NOT NULL,
	"areas_for_improvement" text DEFAULT '' NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"author_user_id" integer,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "generated_reports" ADD COLUMN "progress" text;--> statement-breakpoint
ALTER TABLE "generated_reports" ADD COLUMN "steps_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "generated_reports" ADD COLUMN "steps_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "generated_reports" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "self_evaluation_entries_key" ON "self_evaluation_entries" USING btree ("authority_id","year","area","created_at");