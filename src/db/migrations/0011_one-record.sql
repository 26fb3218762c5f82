CREATE TABLE "event_sources" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"entity" text NOT NULL,
	"row_id" bigint NOT NULL,
	"import_batch_id" bigint,
	"values" text NOT NULL,
	"matched_by" text,
	"source_child_id" text
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "effect" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "withdraw_reason" text;--> statement-breakpoint
CREATE INDEX "event_sources_row" ON "event_sources" USING btree ("entity","row_id");--> statement-breakpoint
CREATE INDEX "event_sources_import" ON "event_sources" USING btree ("import_batch_id","entity");--> statement-breakpoint
CREATE INDEX "children_import_batch" ON "children" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "children_upn" ON "children" USING btree ("authority_id","upn");