ALTER TABLE "teams" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "workers" ADD COLUMN "import_batch_id" bigint;