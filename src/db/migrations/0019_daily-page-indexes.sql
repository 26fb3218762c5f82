CREATE INDEX "audit_programme_cases_by_child" ON "audit_programme_cases" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "case_audits_child" ON "case_audits" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "case_audits_framework_version" ON "case_audits" USING btree ("framework_version_id");