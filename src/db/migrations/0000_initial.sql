CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"organization_id" uuid,
	"name" text NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"qualification" text,
	"fee_standard" text,
	"contact" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_credit_code_key" UNIQUE("credit_code"),
	CONSTRAINT "agencies_status_check" CHECK ("status" in ('active', 'suspended', 'blacklisted'))
);
--> statement-breakpoint
CREATE TABLE "agency_quality_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"agency_id" uuid NOT NULL,
	"evaluation_id" uuid,
	"score" numeric(7, 2) NOT NULL,
	"grade" varchar(32),
	"details" jsonb,
	"note" text,
	"scored_by" uuid,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"task_type" text NOT NULL,
	"task_id" uuid NOT NULL,
	"assignee_kind" text NOT NULL,
	"agency_id" uuid,
	"expert_id" uuid,
	"role" varchar(32),
	"status" text DEFAULT 'proposed' NOT NULL,
	"conflict_check" jsonb,
	"fee_fen" bigint,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_task_type_check" CHECK ("task_type" in ('ex_ante_assessment', 'budget_review', 'goal_review', 'evaluation', 'other')),
	CONSTRAINT "assignments_assignee_kind_check" CHECK ("assignee_kind" in ('agency', 'expert')),
	CONSTRAINT "assignments_status_check" CHECK ("status" in ('proposed', 'accepted', 'declined', 'completed', 'withdrawn')),
	CONSTRAINT "assignments_assignee_check" CHECK ((assignee_kind = 'agency' and agency_id is not null) or (assignee_kind = 'expert' and expert_id is not null))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"content" "bytea" NOT NULL,
	"object_type" varchar(64),
	"object_id" uuid,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text,
	"ip" text,
	"action" varchar(100) NOT NULL,
	"object_type" varchar(64),
	"object_id" text,
	"mof_div_code" varchar(12),
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_hash_key" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"project_id" uuid NOT NULL,
	"economic_class_code" varchar(12),
	"description" text NOT NULL,
	"quantity" numeric(18, 4),
	"unit" text,
	"unit_cost_fen" bigint,
	"amount_fen" bigint NOT NULL,
	"standard_id" uuid,
	"standard_status" text,
	"note" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_standard_status_check" CHECK ("standard_status" in ('within', 'above', 'no_standard'))
);
--> statement-breakpoint
CREATE TABLE "budget_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"requested_fen" bigint NOT NULL,
	"approved_fen" bigint,
	"opinion" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"meeting_ref" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_reviews_kind_check" CHECK ("kind" in ('budget_review', 'joint_review')),
	CONSTRAINT "budget_reviews_status_check" CHECK ("status" in ('pending', 'approved', 'reduced', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "consequences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"target_fiscal_year" integer NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"project_id" uuid,
	"fund_id" uuid,
	"department_id" uuid,
	"rule" jsonb NOT NULL,
	"action" text NOT NULL,
	"grade" varchar(32),
	"rank" integer,
	"base_amount_fen" bigint NOT NULL,
	"proposed_fen" bigint NOT NULL,
	"confirmed_fen" bigint,
	"status" text DEFAULT 'proposed' NOT NULL,
	"accountability_referral" boolean DEFAULT false NOT NULL,
	"note" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consequences_source_key" UNIQUE("source","source_id","target_fiscal_year"),
	CONSTRAINT "consequences_source_check" CHECK ("source" in ('evaluation', 'self_evaluation', 'scorecard', 'monitoring')),
	CONSTRAINT "consequences_action_check" CHECK ("action" in ('priority', 'as_needed', 'cut', 'cancel', 'none')),
	CONSTRAINT "consequences_status_check" CHECK ("status" in ('proposed', 'confirmed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "corrective_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"warning_id" uuid,
	"project_id" uuid,
	"fund_id" uuid,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"amount_fen" bigint,
	"status" text DEFAULT 'open' NOT NULL,
	"due_date" date,
	"result" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corrective_measures_kind_check" CHECK ("kind" in ('correct', 'adjust', 'suspend', 'stop', 'recover')),
	CONSTRAINT "corrective_measures_status_check" CHECK ("status" in ('open', 'in_progress', 'closed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "divisions" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"level" text NOT NULL,
	"parent_code" varchar(12),
	"code_kind" text NOT NULL,
	"path" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"note" text,
	CONSTRAINT "divisions_path_key" UNIQUE("path"),
	CONSTRAINT "divisions_level_check" CHECK ("level" in ('province', 'prefecture', 'county', 'statistical-zone', 'prefecture-equivalent', 'county-equivalent')),
	CONSTRAINT "divisions_code_kind_check" CHECK ("code_kind" in ('gbt2260', 'statistical', 'local'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_experts" (
	"evaluation_id" uuid NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"expert_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_experts_pkey" PRIMARY KEY("evaluation_id","expert_id"),
	CONSTRAINT "evaluation_experts_role_check" CHECK ("role" in ('leader', 'member'))
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"subject_kind" text NOT NULL,
	"project_id" uuid,
	"fund_id" uuid,
	"department_id" uuid,
	"title" text NOT NULL,
	"fund_class" text,
	"method" varchar(64),
	"agency_id" uuid,
	"template_version_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"score" numeric(7, 2),
	"grade" varchar(32),
	"summary" text,
	"report_attachment_id" uuid,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "evaluations_kind_check" CHECK ("kind" in ('self', 'department', 'finance')),
	CONSTRAINT "evaluations_subject_kind_check" CHECK ("subject_kind" in ('project', 'fund', 'policy', 'department')),
	CONSTRAINT "evaluations_fund_class_check" CHECK ("fund_class" in ('development', 'major_investment', 'government_operation', 'urban_operation', 'livelihood', 'emergency')),
	CONSTRAINT "evaluations_status_check" CHECK ("status" in ('planned', 'in_progress', 'submitted', 'completed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "ex_ante_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text DEFAULT 'project' NOT NULL,
	"dimension_scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_score" numeric(7, 2),
	"conclusion" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"opinion" text,
	"agency_id" uuid,
	"report_attachment_id" uuid,
	"concluded_by" uuid,
	"concluded_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ex_ante_assessments_kind_check" CHECK ("kind" in ('project', 'policy')),
	CONSTRAINT "ex_ante_assessments_conclusion_check" CHECK ("conclusion" in ('support', 'support_after_revision', 'not_support')),
	CONSTRAINT "ex_ante_assessments_status_check" CHECK ("status" in ('draft', 'submitted', 'returned', 'concluded'))
);
--> statement-breakpoint
CREATE TABLE "expenditure_function_classes" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" varchar(12),
	"verification" text DEFAULT 'verified' NOT NULL,
	"note" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "expenditure_function_classes_level_check" CHECK ("level" in ('class', 'section', 'item'))
);
--> statement-breakpoint
CREATE TABLE "expenditure_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"code" varchar(64) NOT NULL,
	"kind" text NOT NULL,
	"function_class_code" varchar(12),
	"economic_class_code" varchar(12),
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_cost_fen" bigint NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text,
	"status" text DEFAULT 'active' NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expenditure_standards_div_code_from_key" UNIQUE("mof_div_code","code","valid_from"),
	CONSTRAINT "expenditure_standards_kind_check" CHECK ("kind" in ('general', 'specific')),
	CONSTRAINT "expenditure_standards_status_check" CHECK ("status" in ('draft', 'active', 'retired')),
	CONSTRAINT "expenditure_standards_validity_check" CHECK (valid_to is null or valid_to >= valid_from)
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"employer" text,
	"title" text,
	"phone" text,
	"email" text,
	"conflict_org_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"user_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_status_check" CHECK ("status" in ('active', 'suspended', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"fund_type" text NOT NULL,
	"fund_class" text NOT NULL,
	"function_class_code" varchar(12),
	"department_id" uuid,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"source_fund_id" uuid,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_div_year_code_key" UNIQUE("mof_div_code","fiscal_year","code"),
	CONSTRAINT "funds_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "funds_fund_type_check" CHECK ("fund_type" in ('special_fund', 'transfer_payment', 'bond', 'investment_fund')),
	CONSTRAINT "funds_fund_class_check" CHECK ("fund_class" in ('development', 'major_investment', 'government_operation', 'urban_operation', 'livelihood', 'emergency')),
	CONSTRAINT "funds_status_check" CHECK ("status" in ('active', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "goal_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"goal_table_id" uuid NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"name" text NOT NULL,
	"comparison" text NOT NULL,
	"target_value" double precision,
	"target_text" text,
	"unit" text,
	"value_basis" text,
	"weight" numeric(7, 2),
	"library_indicator_id" uuid,
	"kpi_evalstd" text,
	"is_core" boolean DEFAULT false NOT NULL,
	"linked_target_code" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_indicators_comparison_check" CHECK ("comparison" in ('>=', '<=', '=', 'qualitative')),
	CONSTRAINT "goal_indicators_value_basis_check" CHECK ("value_basis" in ('plan', 'industry', 'history', 'budget_standard', 'other'))
);
--> statement-breakpoint
CREATE TABLE "goal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"goal_table_id" uuid NOT NULL,
	"round" text NOT NULL,
	"actor_id" uuid,
	"actor_org_id" uuid,
	"opinions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"overall_opinion" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_reviews_round_check" CHECK ("round" in ('first_up', 'first_down', 'second_up', 'second_down'))
);
--> statement-breakpoint
CREATE TABLE "goal_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"project_id" uuid,
	"fund_id" uuid,
	"department_id" uuid,
	"revision_no" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"overall_goal" text,
	"mid_term_goal" text,
	"amount_fen" bigint,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_tables_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "goal_tables_project_year_rev_key" UNIQUE("project_id","fiscal_year","revision_no"),
	CONSTRAINT "goal_tables_fund_year_rev_key" UNIQUE("fund_id","fiscal_year","revision_no"),
	CONSTRAINT "goal_tables_subject_kind_check" CHECK ("subject_kind" in ('project', 'fund', 'department')),
	CONSTRAINT "goal_tables_status_check" CHECK ("status" in ('draft', 'first_submitted', 'first_returned', 'second_submitted', 'approved')),
	CONSTRAINT "goal_tables_subject_check" CHECK ((subject_kind = 'project' and project_id is not null) or (subject_kind = 'fund' and fund_id is not null) or (subject_kind = 'department' and department_id is not null))
);
--> statement-breakpoint
CREATE TABLE "grade_schemes" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"bands" jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"mof_div_code" varchar(12),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_library" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"scope" text NOT NULL,
	"direction" text NOT NULL,
	"unit" text,
	"value_basis" text,
	"reference_value" text,
	"function_class_code" varchar(12),
	"fund_class" text,
	"evaluation_standard" text,
	"description" text,
	"valid_from" date,
	"valid_to" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_library_div_code_key" UNIQUE("mof_div_code","code"),
	CONSTRAINT "indicator_library_scope_check" CHECK ("scope" in ('common', 'specific')),
	CONSTRAINT "indicator_library_direction_check" CHECK ("direction" in ('positive', 'reverse', 'equality', 'qualitative')),
	CONSTRAINT "indicator_library_value_basis_check" CHECK ("value_basis" in ('plan', 'industry', 'history', 'budget_standard', 'other')),
	CONSTRAINT "indicator_library_fund_class_check" CHECK ("fund_class" in ('development', 'major_investment', 'government_operation', 'urban_operation', 'livelihood', 'emergency')),
	CONSTRAINT "indicator_library_status_check" CHECK ("status" in ('draft', 'active', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "input_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_version_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"input_key" varchar(128) NOT NULL,
	"value" double precision,
	"source" text NOT NULL,
	"evidence_note" text,
	"attachment_id" uuid,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "input_values_version_subject_key_key" UNIQUE("template_version_id","subject_id","input_key"),
	CONSTRAINT "input_values_source_check" CHECK ("source" in ('budget_system', 'statistics', 'audit', 'inspection', 'supervision', 'self_report', 'manual', 'import'))
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(64) NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"message" text,
	"params" jsonb,
	"result" jsonb,
	"error" jsonb,
	"created_by" uuid,
	"mof_div_code" varchar(12),
	"locked_by" text,
	"heartbeat_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_status_check" CHECK ("status" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid,
	"fund_id" uuid,
	"goal_table_id" uuid,
	"budget_fen" bigint NOT NULL,
	"executed_fen" bigint NOT NULL,
	"forecast_fen" bigint,
	"indicator_progress" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"execution_light" text,
	"goal_light" text,
	"explanation" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_records_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "monitoring_records_round_project_key" UNIQUE("round_id","project_id"),
	CONSTRAINT "monitoring_records_round_fund_key" UNIQUE("round_id","fund_id"),
	CONSTRAINT "monitoring_records_execution_light_check" CHECK ("execution_light" in ('red', 'yellow', 'green', 'blue')),
	CONSTRAINT "monitoring_records_goal_light_check" CHECK ("goal_light" in ('red', 'yellow', 'green', 'blue')),
	CONSTRAINT "monitoring_records_status_check" CHECK ("status" in ('draft', 'submitted', 'reviewed'))
);
--> statement-breakpoint
CREATE TABLE "monitoring_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"period_month" integer NOT NULL,
	"starts_on" date,
	"due_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_rounds_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "monitoring_rounds_div_year_name_key" UNIQUE("mof_div_code","fiscal_year","name"),
	CONSTRAINT "monitoring_rounds_kind_check" CHECK ("kind" in ('routine', 'concentrated', 'key')),
	CONSTRAINT "monitoring_rounds_status_check" CHECK ("status" in ('draft', 'open', 'closed')),
	CONSTRAINT "monitoring_rounds_month_check" CHECK (period_month between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "monitoring_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"record_id" uuid,
	"project_id" uuid,
	"fund_id" uuid,
	"rule" varchar(64) NOT NULL,
	"light" text NOT NULL,
	"message" text NOT NULL,
	"details" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_warnings_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "monitoring_warnings_light_check" CHECK ("light" in ('red', 'yellow', 'green', 'blue')),
	CONSTRAINT "monitoring_warnings_status_check" CHECK ("status" in ('open', 'acknowledged', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer,
	"title" text NOT NULL,
	"doc_no" text,
	"body" text NOT NULL,
	"source_run_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_status_check" CHECK ("status" in ('draft', 'issued', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"code" varchar(64),
	"name" text NOT NULL,
	"short_name" text,
	"status" text DEFAULT 'active' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "organizations_div_kind_code_key" UNIQUE("mof_div_code","kind","code"),
	CONSTRAINT "organizations_kind_check" CHECK ("kind" in ('finance_bureau', 'finance_division', 'budget_department', 'budget_unit', 'agency', 'congress_committee', 'other')),
	CONSTRAINT "organizations_status_check" CHECK ("status" in ('active', 'inactive'))
);
--> statement-breakpoint
CREATE TABLE "problem_clues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer,
	"reported_mof_div_code" varchar(12),
	"source" text NOT NULL,
	"source_type" varchar(64),
	"source_id" text,
	"subject_org_id" uuid,
	"description" text NOT NULL,
	"severity" text DEFAULT 'medium' NOT NULL,
	"amount_fen" bigint,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_clues_source_check" CHECK ("source" in ('evaluation', 'supervision', 'audit', 'inspection', 'scorecard', 'monitoring')),
	CONSTRAINT "problem_clues_severity_check" CHECK ("severity" in ('low', 'medium', 'high')),
	CONSTRAINT "problem_clues_status_check" CHECK ("status" in ('open', 'in_rectification', 'closed', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "project_year_amounts" (
	"project_id" uuid NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"approved_fen" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_year_amounts_pkey" PRIMARY KEY("project_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"pro_code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"department_id" uuid NOT NULL,
	"agency_id" uuid,
	"function_class_code" varchar(12),
	"fund_class" text,
	"fund_id" uuid,
	"project_kind" text NOT NULL,
	"is_investment" boolean DEFAULT false NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"increase_fen" bigint,
	"total_amount_fen" bigint DEFAULT 0 NOT NULL,
	"start_year" integer,
	"end_year" integer,
	"library_status" text DEFAULT 'draft' NOT NULL,
	"needs_ex_ante" boolean DEFAULT false NOT NULL,
	"goal_public" boolean DEFAULT true NOT NULL,
	"goal_not_public_reason" text,
	"description" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_div_pro_code_key" UNIQUE("mof_div_code","pro_code"),
	CONSTRAINT "projects_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "projects_fund_class_check" CHECK ("fund_class" in ('development', 'major_investment', 'government_operation', 'urban_operation', 'livelihood', 'emergency')),
	CONSTRAINT "projects_project_kind_check" CHECK ("project_kind" in ('new', 'continuing', 'increase')),
	CONSTRAINT "projects_library_status_check" CHECK ("library_status" in ('draft', 'under_review', 'in_library', 'rejected')),
	CONSTRAINT "projects_years_check" CHECK (end_year is null or start_year is null or end_year >= start_year)
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"object_type" varchar(64),
	"object_id" uuid,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"attachment_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_kind_check" CHECK ("kind" in ('goal', 'evaluation', 'self_evaluation', 'report', 'notice', 'other')),
	CONSTRAINT "publications_status_check" CHECK ("status" in ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "rectification_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer,
	"notice_id" uuid,
	"clue_id" uuid,
	"owner_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"requirement" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence" text,
	"evidence_attachment_id" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"escalated_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_items_status_check" CHECK ("status" in ('open', 'submitted', 'accepted', 'returned', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "region_settings" (
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"key" varchar(100) NOT NULL,
	"value" jsonb NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"note" text,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_settings_pkey" PRIMARY KEY("mof_div_code","fiscal_year","key")
);
--> statement-breakpoint
CREATE TABLE "scoring_results" (
	"run_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"total" double precision NOT NULL,
	"grade" varchar(32) NOT NULL,
	"rank" integer,
	"node_points" jsonb NOT NULL,
	CONSTRAINT "scoring_results_pkey" PRIMARY KEY("run_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "scoring_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_version_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"name" text,
	"grade_scheme" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"is_what_if" boolean DEFAULT false NOT NULL,
	"what_if" jsonb,
	"subject_count" integer DEFAULT 0 NOT NULL,
	"job_id" uuid,
	"error" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "scoring_runs_status_check" CHECK ("status" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "self_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"project_id" uuid,
	"pro_code" varchar(64),
	"project_name" text NOT NULL,
	"evaluation_id" uuid,
	"table" jsonb NOT NULL,
	"formula_total" numeric(7, 2),
	"printed_total" numeric(7, 2),
	"grade" varchar(32),
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source_attachment_id" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_evaluations_project_year_key" UNIQUE("project_id","fiscal_year"),
	CONSTRAINT "self_evaluations_status_check" CHECK ("status" in ('draft', 'submitted', 'accepted', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"ref_code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"organization_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subjects_div_kind_ref_key" UNIQUE("mof_div_code","kind","ref_code"),
	CONSTRAINT "subjects_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "subjects_kind_check" CHECK ("kind" in ('division', 'department', 'finance_division', 'fund', 'asset_class', 'revenue_item', 'project'))
);
--> statement-breakpoint
CREATE TABLE "template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"version_no" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"grade_scheme" jsonb,
	"based_on_version_id" uuid,
	"change_note" text,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_versions_template_year_no_key" UNIQUE("template_id","fiscal_year","version_no"),
	CONSTRAINT "template_versions_status_check" CHECK ("status" in ('draft', 'published', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"subject_kind" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "templates_div_code_key" UNIQUE("mof_div_code","code"),
	CONSTRAINT "templates_div_id_key" UNIQUE("mof_div_code","id"),
	CONSTRAINT "templates_subject_kind_check" CHECK ("subject_kind" in ('county_fiscal', 'department_budget', 'finance_division', 'investment_fund', 'state_assets', 'revenue', 'frugality', 'project_selfeval', 'project_evaluation', 'other')),
	CONSTRAINT "templates_status_check" CHECK ("status" in ('active', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_pkey" PRIMARY KEY("user_id","role"),
	CONSTRAINT "user_roles_role_check" CHECK ("role" in ('admin', 'province_finance', 'review_committee', 'finance_bureau', 'finance_division', 'budget_department', 'budget_unit', 'agency', 'expert', 'congress'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" varchar(64) NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"organization_id" uuid,
	"phone" text,
	"email" text,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_status_check" CHECK ("status" in ('active', 'disabled'))
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_organization_fk" FOREIGN KEY ("mof_div_code","organization_id") REFERENCES "public"."organizations"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_quality_scores" ADD CONSTRAINT "agency_quality_scores_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_project_fk" FOREIGN KEY ("mof_div_code","project_id") REFERENCES "public"."projects"("mof_div_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_reviews" ADD CONSTRAINT "budget_reviews_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_reviews" ADD CONSTRAINT "budget_reviews_project_fk" FOREIGN KEY ("mof_div_code","project_id") REFERENCES "public"."projects"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consequences" ADD CONSTRAINT "consequences_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_measures" ADD CONSTRAINT "corrective_measures_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_measures" ADD CONSTRAINT "corrective_measures_warning_fk" FOREIGN KEY ("mof_div_code","warning_id") REFERENCES "public"."monitoring_warnings"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "divisions" ADD CONSTRAINT "divisions_parent_code_divisions_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_experts" ADD CONSTRAINT "evaluation_experts_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_experts" ADD CONSTRAINT "evaluation_experts_evaluation_fk" FOREIGN KEY ("mof_div_code","evaluation_id") REFERENCES "public"."evaluations"("mof_div_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_template_version_id_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_project_fk" FOREIGN KEY ("mof_div_code","project_id") REFERENCES "public"."projects"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_fund_fk" FOREIGN KEY ("mof_div_code","fund_id") REFERENCES "public"."funds"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ex_ante_assessments" ADD CONSTRAINT "ex_ante_assessments_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ex_ante_assessments" ADD CONSTRAINT "ex_ante_assessments_project_fk" FOREIGN KEY ("mof_div_code","project_id") REFERENCES "public"."projects"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenditure_function_classes" ADD CONSTRAINT "expenditure_function_classes_parent_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."expenditure_function_classes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenditure_standards" ADD CONSTRAINT "expenditure_standards_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_department_fk" FOREIGN KEY ("mof_div_code","department_id") REFERENCES "public"."organizations"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_indicators" ADD CONSTRAINT "goal_indicators_goal_table_fk" FOREIGN KEY ("mof_div_code","goal_table_id") REFERENCES "public"."goal_tables"("mof_div_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_goal_table_fk" FOREIGN KEY ("mof_div_code","goal_table_id") REFERENCES "public"."goal_tables"("mof_div_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_project_fk" FOREIGN KEY ("mof_div_code","project_id") REFERENCES "public"."projects"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_fund_fk" FOREIGN KEY ("mof_div_code","fund_id") REFERENCES "public"."funds"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_tables" ADD CONSTRAINT "goal_tables_department_fk" FOREIGN KEY ("mof_div_code","department_id") REFERENCES "public"."organizations"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_schemes" ADD CONSTRAINT "grade_schemes_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_library" ADD CONSTRAINT "indicator_library_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_values" ADD CONSTRAINT "input_values_template_version_id_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_values" ADD CONSTRAINT "input_values_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_values" ADD CONSTRAINT "input_values_subject_fk" FOREIGN KEY ("mof_div_code","subject_id") REFERENCES "public"."subjects"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_records" ADD CONSTRAINT "monitoring_records_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_records" ADD CONSTRAINT "monitoring_records_round_fk" FOREIGN KEY ("mof_div_code","round_id") REFERENCES "public"."monitoring_rounds"("mof_div_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_records" ADD CONSTRAINT "monitoring_records_project_fk" FOREIGN KEY ("mof_div_code","project_id") REFERENCES "public"."projects"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_records" ADD CONSTRAINT "monitoring_records_fund_fk" FOREIGN KEY ("mof_div_code","fund_id") REFERENCES "public"."funds"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "monitoring_warnings_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "monitoring_warnings_record_fk" FOREIGN KEY ("mof_div_code","record_id") REFERENCES "public"."monitoring_records"("mof_div_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_fk" FOREIGN KEY ("mof_div_code","parent_id") REFERENCES "public"."organizations"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_clues" ADD CONSTRAINT "problem_clues_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_clues" ADD CONSTRAINT "problem_clues_reported_mof_div_code_divisions_code_fk" FOREIGN KEY ("reported_mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_year_amounts" ADD CONSTRAINT "project_year_amounts_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_year_amounts" ADD CONSTRAINT "project_year_amounts_project_fk" FOREIGN KEY ("mof_div_code","project_id") REFERENCES "public"."projects"("mof_div_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_department_fk" FOREIGN KEY ("mof_div_code","department_id") REFERENCES "public"."organizations"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_agency_fk" FOREIGN KEY ("mof_div_code","agency_id") REFERENCES "public"."organizations"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_fund_fk" FOREIGN KEY ("mof_div_code","fund_id") REFERENCES "public"."funds"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_owner_fk" FOREIGN KEY ("mof_div_code","owner_org_id") REFERENCES "public"."organizations"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_settings" ADD CONSTRAINT "region_settings_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_subject_fk" FOREIGN KEY ("mof_div_code","subject_id") REFERENCES "public"."subjects"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_runs" ADD CONSTRAINT "scoring_runs_template_version_id_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_runs" ADD CONSTRAINT "scoring_runs_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_runs" ADD CONSTRAINT "scoring_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_project_fk" FOREIGN KEY ("mof_div_code","project_id") REFERENCES "public"."projects"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_evaluation_fk" FOREIGN KEY ("mof_div_code","evaluation_id") REFERENCES "public"."evaluations"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_template_fk" FOREIGN KEY ("mof_div_code","template_id") REFERENCES "public"."templates"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_versions" ADD CONSTRAINT "template_versions_based_on_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_fk" FOREIGN KEY ("mof_div_code","organization_id") REFERENCES "public"."organizations"("mof_div_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_div_status_idx" ON "agencies" USING btree ("mof_div_code","status");--> statement-breakpoint
CREATE INDEX "agency_quality_scores_agency_idx" ON "agency_quality_scores" USING btree ("agency_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "agency_quality_scores_div_year_idx" ON "agency_quality_scores" USING btree ("mof_div_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "assignments_task_idx" ON "assignments" USING btree ("task_type","task_id");--> statement-breakpoint
CREATE INDEX "assignments_agency_idx" ON "assignments" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "assignments_expert_idx" ON "assignments" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "assignments_div_year_idx" ON "assignments" USING btree ("mof_div_code","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "attachments_div_idx" ON "attachments" USING btree ("mof_div_code","created_at");--> statement-breakpoint
CREATE INDEX "attachments_object_idx" ON "attachments" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "attachments_sha256_idx" ON "attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "audit_events_div_at_idx" ON "audit_events" USING btree ("mof_div_code","at");--> statement-breakpoint
CREATE INDEX "audit_events_object_idx" ON "audit_events" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_events_user_at_idx" ON "audit_events" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "budget_lines_project_idx" ON "budget_lines" USING btree ("project_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "budget_reviews_project_idx" ON "budget_reviews" USING btree ("project_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "budget_reviews_div_year_idx" ON "budget_reviews" USING btree ("mof_div_code","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "consequences_div_year_idx" ON "consequences" USING btree ("mof_div_code","target_fiscal_year","status");--> statement-breakpoint
CREATE INDEX "consequences_project_idx" ON "consequences" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "corrective_measures_div_year_idx" ON "corrective_measures" USING btree ("mof_div_code","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "corrective_measures_project_idx" ON "corrective_measures" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "divisions_parent_code_idx" ON "divisions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "divisions_path_prefix_idx" ON "divisions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "evaluation_experts_expert_idx" ON "evaluation_experts" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "evaluations_div_year_kind_idx" ON "evaluations" USING btree ("mof_div_code","fiscal_year","kind","status");--> statement-breakpoint
CREATE INDEX "evaluations_project_idx" ON "evaluations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "evaluations_fund_idx" ON "evaluations" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "ex_ante_assessments_project_idx" ON "ex_ante_assessments" USING btree ("project_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "ex_ante_assessments_div_year_idx" ON "ex_ante_assessments" USING btree ("mof_div_code","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "expenditure_function_classes_parent_code_idx" ON "expenditure_function_classes" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "expenditure_standards_sector_idx" ON "expenditure_standards" USING btree ("function_class_code");--> statement-breakpoint
CREATE INDEX "experts_div_status_idx" ON "experts" USING btree ("mof_div_code","status");--> statement-breakpoint
CREATE INDEX "funds_department_idx" ON "funds" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "goal_indicators_goal_table_idx" ON "goal_indicators" USING btree ("goal_table_id","sort_order");--> statement-breakpoint
CREATE INDEX "goal_reviews_goal_table_idx" ON "goal_reviews" USING btree ("goal_table_id","at");--> statement-breakpoint
CREATE INDEX "goal_tables_div_year_status_idx" ON "goal_tables" USING btree ("mof_div_code","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "indicator_library_levels_idx" ON "indicator_library" USING btree ("level1","level2");--> statement-breakpoint
CREATE INDEX "indicator_library_function_class_idx" ON "indicator_library" USING btree ("function_class_code");--> statement-breakpoint
CREATE INDEX "input_values_div_year_idx" ON "input_values" USING btree ("mof_div_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "input_values_subject_idx" ON "input_values" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "jobs_status_created_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_div_created_idx" ON "jobs" USING btree ("mof_div_code","created_at");--> statement-breakpoint
CREATE INDEX "monitoring_records_div_year_idx" ON "monitoring_records" USING btree ("mof_div_code","fiscal_year");--> statement-breakpoint
CREATE INDEX "monitoring_warnings_div_year_idx" ON "monitoring_warnings" USING btree ("mof_div_code","fiscal_year","status","light");--> statement-breakpoint
CREATE INDEX "monitoring_warnings_record_idx" ON "monitoring_warnings" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "notices_div_status_idx" ON "notices" USING btree ("mof_div_code","status","issued_at");--> statement-breakpoint
CREATE INDEX "organizations_div_parent_idx" ON "organizations" USING btree ("mof_div_code","parent_id");--> statement-breakpoint
CREATE INDEX "problem_clues_div_status_idx" ON "problem_clues" USING btree ("mof_div_code","status");--> statement-breakpoint
CREATE INDEX "problem_clues_source_idx" ON "problem_clues" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "projects_div_year_status_idx" ON "projects" USING btree ("mof_div_code","fiscal_year","library_status");--> statement-breakpoint
CREATE INDEX "projects_department_idx" ON "projects" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "projects_fund_idx" ON "projects" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "publications_div_year_idx" ON "publications" USING btree ("mof_div_code","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "publications_object_idx" ON "publications" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "rectification_items_div_status_deadline_idx" ON "rectification_items" USING btree ("mof_div_code","status","deadline");--> statement-breakpoint
CREATE INDEX "rectification_items_notice_idx" ON "rectification_items" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "rectification_items_clue_idx" ON "rectification_items" USING btree ("clue_id");--> statement-breakpoint
CREATE INDEX "region_settings_key_year_idx" ON "region_settings" USING btree ("key","fiscal_year");--> statement-breakpoint
CREATE INDEX "scoring_results_div_idx" ON "scoring_results" USING btree ("mof_div_code","run_id");--> statement-breakpoint
CREATE INDEX "scoring_results_subject_idx" ON "scoring_results" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "scoring_runs_div_year_idx" ON "scoring_runs" USING btree ("mof_div_code","fiscal_year","created_at");--> statement-breakpoint
CREATE INDEX "scoring_runs_template_version_idx" ON "scoring_runs" USING btree ("template_version_id");--> statement-breakpoint
CREATE INDEX "self_evaluations_div_year_idx" ON "self_evaluations" USING btree ("mof_div_code","fiscal_year","status");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "subjects_kind_idx" ON "subjects" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "template_versions_one_published_key" ON "template_versions" USING btree ("template_id","fiscal_year") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "template_versions_div_year_idx" ON "template_versions" USING btree ("mof_div_code","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower_key" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "users_div_idx" ON "users" USING btree ("mof_div_code");--> statement-breakpoint
CREATE INDEX "users_organization_idx" ON "users" USING btree ("organization_id");