ALTER TABLE "scoring_results" ADD COLUMN "inputs" jsonb;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD COLUMN "missing" jsonb;--> statement-breakpoint
ALTER TABLE "scoring_runs" ADD COLUMN "summary" jsonb;