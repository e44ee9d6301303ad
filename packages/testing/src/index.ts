export { createFactories, useFactories, type Factories, type FactoryMember, type FactorySource, type FactoryTenant, type PersonView, type SourceOptions, type CsvContent } from "./factories.ts";
export { importNow, startTestWorker, testWorkerEnv, uploadCsv, useApiWithWorker, waitFor, waitForImport, type TestWorker } from "./harness.ts";
export { csvOf, fieldCopies, hrColumns, hrContractColumns, hrMapping, hrRows, type ContractSpec, type PersonSpec } from "./hr-layout.ts";
export { TEST_PASSWORD, type TestApi, type TestClient } from "@idlife/api/testing";
export { byExternalId, personsOf, runFullSnapshot, snapshotOf, type ListedPerson } from "./read-back.ts";
export { useHttpServer, type TestHttpServer } from "./http-server.ts";
export { exampleSources, readExample, readExampleJson, type ExampleSourceName } from "./examples.ts";
