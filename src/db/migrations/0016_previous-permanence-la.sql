ALTER TABLE "periods_of_care" ADD COLUMN "previous_permanence_date_partial" text;--> statement-breakpoint
ALTER TABLE "periods_of_care" ADD COLUMN "previous_permanence_la" text;