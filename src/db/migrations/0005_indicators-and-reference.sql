CREATE TABLE "bank_holidays" (
	"division" text NOT NULL,
	"date" date NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "bank_holidays_division_date_pk" PRIMARY KEY("division","date")
);
--> statement-breakpoint
CREATE TABLE "benchmark_values" (
	"measure" text NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"area_code" text NOT NULL,
	"area_name" text NOT NULL,
	"region_code" text,
	"value" numeric,
	"suppressed" text,
	"source" text NOT NULL,
	CONSTRAINT "benchmark_values_measure_year_level_area_code_pk" PRIMARY KEY("measure","year","level","area_code")
);
--> statement-breakpoint
CREATE TABLE "reference_authorities" (
	"la_number" text PRIMARY KEY NOT NULL,
	"gss_code" text,
	"name" text NOT NULL,
	"region_code" text,
	"region_name" text
);
--> statement-breakpoint
CREATE TABLE "reference_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistical_neighbours" (
	"model" text NOT NULL,
	"la_number" text NOT NULL,
	"rank" integer NOT NULL,
	"neighbour_la_number" text NOT NULL,
	"closeness" text,
	CONSTRAINT "statistical_neighbours_model_la_number_rank_pk" PRIMARY KEY("model","la_number","rank")
);
--> statement-breakpoint
CREATE TABLE "working_day_calendar" (
	"day" date PRIMARY KEY NOT NULL,
	"rank" integer NOT NULL,
	"is_working_day" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_commentary" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_end" date NOT NULL,
	"going_well" text DEFAULT '' NOT NULL,
	"to_improve" text DEFAULT '' NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"author_user_id" integer NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_settings" (
	"authority_id" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"target" numeric,
	"green" numeric,
	"amber" numeric,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_settings_authority_id_indicator_id_pk" PRIMARY KEY("authority_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"authority_id" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"numerator" numeric,
	"denominator" numeric,
	"value" numeric,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_authority_id_indicator_id_period_kind_period_end_pk" PRIMARY KEY("authority_id","indicator_id","period_kind","period_end")
);
--> statement-breakpoint
CREATE INDEX "benchmark_values_area" ON "benchmark_values" USING btree ("area_code","measure");--> statement-breakpoint
CREATE INDEX "working_day_calendar_rank" ON "working_day_calendar" USING btree ("rank") WHERE "working_day_calendar"."is_working_day";--> statement-breakpoint
CREATE INDEX "indicator_commentary_key" ON "indicator_commentary" USING btree ("authority_id","indicator_id","period_kind","period_end");