CREATE TABLE "sign_in_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_due" (
	"authority_id" integer NOT NULL,
	"tracker" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"child_id" bigint,
	"team_id" integer,
	"worker_id" integer,
	"start_date" text,
	"last_date" text,
	"due_date" text NOT NULL,
	"wd_late" integer NOT NULL,
	"days_elapsed" integer,
	"x1" text,
	"x2" text,
	"x3" text,
	"x4" text
);
--> statement-breakpoint
CREATE TABLE "work_due_state" (
	"authority_id" integer PRIMARY KEY NOT NULL,
	"as_at" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "work_due_tracker_child" ON "work_due" USING btree ("authority_id","tracker","child_id");