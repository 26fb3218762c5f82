CREATE TABLE "provider_lookup" (
	"scope" text NOT NULL,
	"urn" text NOT NULL,
	"place_codes" text NOT NULL,
	"provider_codes" text NOT NULL,
	"postcode" text,
	"closed" date,
	"source" text NOT NULL,
	CONSTRAINT "provider_lookup_scope_urn_pk" PRIMARY KEY("scope","urn")
);
