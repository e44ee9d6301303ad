-- One spelling of each connector type, the connector registry's: 'http_json' becomes 'http-json'.
-- The column becomes text (the registry in packages/connectors is the one list of types), converted
-- in place so that every source system keeps its type. (Generated as drop + add column, which
-- would lose the stored types; hand-edited.)

-- AlterTable
ALTER TABLE "source_systems" ALTER COLUMN "connector_type" SET DATA TYPE TEXT
  USING (CASE "connector_type"::text WHEN 'http_json' THEN 'http-json' ELSE "connector_type"::text END);

-- DropEnum
DROP TYPE "ConnectorType";
