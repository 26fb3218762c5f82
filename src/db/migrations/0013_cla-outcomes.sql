CREATE TABLE "cla_outcomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"child_id" bigint NOT NULL,
	"import_batch_id" bigint,
	"as_at" date NOT NULL,
	"convicted" boolean,
	"health_check" boolean,
	"immunisations" boolean,
	"substance_misuse" boolean,
	"intervention_received" boolean,
	"intervention_offered" boolean
);
--> statement-breakpoint
ALTER TABLE "cla_outcomes" ADD CONSTRAINT "cla_outcomes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cla_outcomes_import_batch" ON "cla_outcomes" USING btree ("import_batch_id");--> statement-breakpoint
CREATE INDEX "cla_outcomes_child" ON "cla_outcomes" USING btree ("child_id");