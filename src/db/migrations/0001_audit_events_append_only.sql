-- audit_events is append-only (审计日志只增不改): UPDATE, DELETE and TRUNCATE are refused.
CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_events is append-only: % refused (审计日志不可修改或删除)', TG_OP
		USING ERRCODE = 'P0001', HINT = 'Record a new audit event instead.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_refuse_update_delete"
	BEFORE UPDATE OR DELETE ON "audit_events"
	FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_refuse_truncate"
	BEFORE TRUNCATE ON "audit_events"
	FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();
