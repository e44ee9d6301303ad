// What globalSetup hands to the test files.
export interface TestDatabaseRun {
  /** The migrated template database that createTestDatabase() clones. */
  template: string;
  /** Every clone of this run is named `${clonePrefix}<random>`. */
  clonePrefix: string;
}

export const PROVIDE_KEY = "idlifeTestDatabase";
/** Also set in the environment, for code that runs outside Vitest's inject(). */
export const ENV_TEMPLATE = "IDLIFE_TEST_TEMPLATE_DB";
export const ENV_CLONE_PREFIX = "IDLIFE_TEST_CLONE_PREFIX";

declare module "vitest" {
  interface ProvidedContext {
    idlifeTestDatabase: TestDatabaseRun;
  }
}
