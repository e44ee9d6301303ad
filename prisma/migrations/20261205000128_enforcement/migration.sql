-- AlterTable
ALTER TABLE "target_systems" ADD COLUMN     "thresholds" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "evaluations" ADD COLUMN     "enforce" BOOLEAN NOT NULL DEFAULT false;
