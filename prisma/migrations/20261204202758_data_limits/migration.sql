-- CreateIndex
CREATE INDEX "persons_tenant_id_id_idx" ON "persons"("tenant_id", "id");

-- Written by hand: the database, not the application, numbers and dates each audit entry. A role
-- that may insert could otherwise give an entry any sequence number or time, to slip it between
-- older entries or make it look earlier or later than it was. The trigger overwrites whatever the
-- insert says. Sequence numbers stay increasing, not gapless (a rolled-back insert or the
-- column default drawing a number first leaves a gap, as before).
CREATE FUNCTION audit_entries_assign_sequence_and_time() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  NEW.sequence := nextval('audit_entries_sequence_seq'::regclass);
  NEW.created_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_entries_assign_sequence_and_time
  BEFORE INSERT ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_assign_sequence_and_time();
