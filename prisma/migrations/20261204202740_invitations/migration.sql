-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "invited_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "declined_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "invitations_tenant_id_idx" ON "invitations"("tenant_id");

-- CreateIndex
CREATE INDEX "invitations_email_idx" ON "invitations"("email");

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- =============================================================================================
-- HAND-WRITTEN PART (see the init migration).
-- =============================================================================================

-- The init migration's row-level security for a tenant-owned table (rows of the transaction's
-- tenant only), as one function that this and later migrations call with their new tables.
-- Only the migrating owner can alter the tables; nobody else needs to call it.
CREATE FUNCTION app_isolate_tenant_tables(VARIADIC table_names text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY table_names LOOP
    EXECUTE format(
      'ALTER TABLE %1$I ENABLE ROW LEVEL SECURITY; ALTER TABLE %1$I FORCE ROW LEVEL SECURITY; '
      'CREATE POLICY tenant_isolation ON %1$I FOR ALL '
      'USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id())',
      table_name);
  END LOOP;
END $$;
REVOKE ALL ON FUNCTION app_isolate_tenant_tables(text[]) FROM PUBLIC;

-- Invitations belong to the inviting tenant; the invitee (a signed-in user, app.user_id) may
-- read the ones addressed to their own email address, to accept or decline them.
SELECT app_isolate_tenant_tables('invitations');
CREATE POLICY own_invitations ON invitations FOR SELECT
  USING (email = (SELECT u.email FROM users u WHERE u.id = app_current_user_id()));

-- An API key answers for the person who created it (removing or demoting them revokes or
-- narrows their keys). Keys made with another key were recorded without a creator: they
-- inherit the creator of the key that made them, found through the audit log.
UPDATE api_keys child
SET created_by_id = parent.created_by_id
FROM audit_entries entry
JOIN api_keys parent ON parent.id = entry.actor_id
WHERE entry.action = 'api_key.create'
  AND entry.actor_type = 'api_key'
  AND entry.target_id = child.id::text
  AND child.created_by_id IS NULL
  AND parent.created_by_id IS NOT NULL;
