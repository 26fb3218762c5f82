CREATE TABLE "postcode_lookup" (
	"scope" text NOT NULL,
	"postcode" text NOT NULL,
	"la_code" text,
	"easting" integer,
	"northing" integer,
	"source" text NOT NULL,
	CONSTRAINT "postcode_lookup_scope_postcode_pk" PRIMARY KEY("scope","postcode")
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "periods_of_care" ADD COLUMN "home_postcode" text;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "postcode" text;