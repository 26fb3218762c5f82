ALTER TABLE "children" drop column "lantern_id";--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "lantern_id" text GENERATED ALWAYS AS ('L' || lpad(id::text, greatest(7, length(id::text)), '0')) STORED NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "children_lantern_id" ON "children" USING btree ("lantern_id");
