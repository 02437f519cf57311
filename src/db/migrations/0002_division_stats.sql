CREATE TABLE "division_stats" (
	"mof_div_code" varchar(12) NOT NULL,
	"fiscal_year" integer NOT NULL,
	"stats" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "division_stats_pkey" PRIMARY KEY("mof_div_code","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "division_stats" ADD CONSTRAINT "division_stats_mof_div_code_divisions_code_fk" FOREIGN KEY ("mof_div_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;