-- AlterTable
ALTER TABLE "imports" ADD COLUMN     "raw_removed_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "raw_records_tenant_id_source_system_id_valid_to_idx" ON "raw_records"("tenant_id", "source_system_id", "valid_to");

-- ---------------------------------------------------------------------------------------------
-- Person history stays evidence the application cannot change or delete (see
-- 20261122191604_source_systems_and_persons); the one way out is the tenant's own retention
-- setting. This SECURITY DEFINER function removes, in the current tenant only, at most p_limit
-- rows older than the tenant's retention.historyDays (never fewer than 90 days; nothing when the
-- setting is unset, i.e. kept forever), and never a row of a person's latest change. The cutoff
-- comes from the database clock and the stored setting, not from the caller.
-- search_path ends with pg_temp and every name is qualified (see app_find_api_key).
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION app_remove_old_history(p_limit integer) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_tenant uuid := public.app_current_tenant_id();
  v_days integer;
  v_removed integer;
BEGIN
  IF v_tenant IS NULL THEN
    RAISE EXCEPTION 'app_remove_old_history needs the tenant context (app.tenant_id)';
  END IF;
  SELECT CASE WHEN jsonb_typeof(t.settings -> 'retention' -> 'historyDays') = 'number'
    THEN floor((t.settings -> 'retention' ->> 'historyDays')::numeric)::integer END
  INTO v_days FROM public.tenants t WHERE t.id = v_tenant;
  IF v_days IS NULL THEN
    RETURN 0;
  END IF;
  DELETE FROM public.person_history WHERE id IN (
    SELECT entry.id FROM public.person_history entry
    WHERE entry.tenant_id = v_tenant
      AND entry.at < pg_catalog.now() - pg_catalog.make_interval(days => greatest(v_days, 90))
      AND EXISTS (
        SELECT 1 FROM public.person_history newer
        WHERE newer.tenant_id = entry.tenant_id AND newer.person_id = entry.person_id AND newer.at > entry.at)
    LIMIT least(greatest(p_limit, 1), 10000));
  GET DIAGNOSTICS v_removed = ROW_COUNT;
  RETURN v_removed;
END $$;

REVOKE ALL ON FUNCTION app_remove_old_history(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_remove_old_history(integer) TO idlife_app;
