CREATE TABLE "generated_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"audience" text NOT NULL,
	"format" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"generated_by" text NOT NULL,
	"generated_at" timestamp with time zone,
	"bytes" bigint,
	"sha256" text,
	"content" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "generated_reports_authority" ON "generated_reports" USING btree ("authority_id","created_at");