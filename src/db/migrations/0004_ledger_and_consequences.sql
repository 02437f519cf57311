CREATE TABLE "rectification_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"mof_div_code" varchar(12) NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"opinion" text,
	"evidence" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_steps_event_check" CHECK ("event" in ('issue', 'submit', 'accept', 'return', 'close', 'escalate')),
	CONSTRAINT "rectification_steps_to_status_check" CHECK ("to_status" in ('open', 'submitted', 'accepted', 'returned', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "consequences" DROP CONSTRAINT "consequences_source_key";--> statement-breakpoint
ALTER TABLE "consequences" DROP CONSTRAINT "consequences_action_check";--> statement-breakpoint
ALTER TABLE "notices" DROP CONSTRAINT "notices_status_check";--> statement-breakpoint
ALTER TABLE "consequences" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "consequences" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "consequences" ADD COLUMN "issuer_mof_div_code" varchar(12);--> statement-breakpoint
ALTER TABLE "consequences" ADD COLUMN "explanation" jsonb;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "issuer_org_id" uuid;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "deadline" date;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "problem_clues" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "problem_clues" ADD COLUMN "source_document" text;--> statement-breakpoint
ALTER TABLE "problem_clues" ADD COLUMN "attachment_id" uuid;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD COLUMN "item_no" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD COLUMN "issuer_mof_div_code" varchar(12) NOT NULL;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD COLUMN "issuer_org_id" uuid;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD COLUMN "source_type" text NOT NULL;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD COLUMN "source_id" text;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD COLUMN "source_ref" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_div_id_key" UNIQUE("mof_div_code","id");--> statement-breakpoint
ALTER TABLE "rectification_steps" ADD CONSTRAINT "rectification_steps_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_steps" ADD CONSTRAINT "rectification_steps_item_fk" FOREIGN KEY ("mof_div_code","item_id") REFERENCES "public"."rectification_items"("mof_div_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rectification_steps_item_idx" ON "rectification_steps" USING btree ("item_id","at");--> statement-breakpoint
ALTER TABLE "consequences" ADD CONSTRAINT "consequences_issuer_mof_div_code_divisions_code_fk" FOREIGN KEY ("issuer_mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_issuer_mof_div_code_divisions_code_fk" FOREIGN KEY ("issuer_mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consequences_source_idx" ON "consequences" USING btree ("source_id","status");--> statement-breakpoint
CREATE INDEX "notices_source_run_idx" ON "notices" USING btree ("source_run_id");--> statement-breakpoint
CREATE INDEX "rectification_items_issuer_idx" ON "rectification_items" USING btree ("issuer_mof_div_code","status","deadline");--> statement-breakpoint
CREATE INDEX "rectification_items_owner_idx" ON "rectification_items" USING btree ("owner_org_id","status");--> statement-breakpoint
CREATE INDEX "rectification_items_source_idx" ON "rectification_items" USING btree ("source_type","source_id");--> statement-breakpoint
ALTER TABLE "consequences" ADD CONSTRAINT "consequences_source_subject_key" UNIQUE NULLS NOT DISTINCT("source","source_id","subject_id","target_fiscal_year");--> statement-breakpoint
ALTER TABLE "consequences" ADD CONSTRAINT "consequences_action_check" CHECK ("action" in ('reward', 'priority', 'as_needed', 'cut', 'cancel', 'none'));--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_status_check" CHECK ("status" in ('draft', 'issued', 'withdrawn', 'closed'));--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_source_type_check" CHECK ("source_type" in ('evaluation', 'supervision', 'audit', 'inspection', 'scorecard', 'monitoring'));