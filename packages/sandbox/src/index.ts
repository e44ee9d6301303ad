/**
 * The one place where administrator-supplied JavaScript runs: inside isolated-vm isolates, with
 * time and memory limits, no Node APIs and no host objects.
 *
 * - Mapping programs (createMappingProgram, checkScript): complex field mappings, compiled once
 *   per isolate and run in batches for every person of an import, in a sandbox process per tenant
 *   (a script that crashes V8 ends that process, not the API, the worker or another tenant's).
 * - Script connectors (runScriptConnector): a source system written as `async function main({
 *   config, secrets, http, log, progress })`, in a sandbox process per run, with HTTP performed
 *   by this process within allowed hosts and request/size limits; secrets stay here.
 * - Target scripts (ScriptTargetSandbox): a target system written as one function per action
 *   (create, update, grant, get, find, ...), called one at a time in a sandbox process per session,
 *   with the same bridge; in plan mode the bridge sends only GET and HEAD.
 *
 * The process running these must start Node with --no-node-snapshot (isolated-vm's requirement
 * on Node 20+).
 */
export { SandboxError, type SandboxErrorKind } from "./sandbox-error.ts";
export { createMappingProgram, type ProcessMappingProgramOptions } from "./mapping/process-mapping-program.ts";
export { configureSandboxPool, type SandboxPoolOptions } from "./process/sandbox-pool.ts";
export {
  createInProcessMappingProgram,
  type FieldResult,
  type JsonValue,
  type MappedInput,
  type MappingFailureKind,
  type MappingField,
  type MappingInput,
  type MappingProgram,
  type MappingProgramOptions,
  type RunOptions,
} from "./mapping/mapping-program.ts";
export { checkScript, type ScriptCheck } from "./mapping/check-script.ts";
export type { CompileError, ScriptForm } from "./mapping/mapping-isolate.ts";
export {
  MAX_CONNECTOR_MEMORY_MB,
  MAX_CONNECTOR_TIMEOUT_MS,
  runScriptConnector,
  type ScriptConnectorOptions,
} from "./connector/run-script-connector.ts";
export { REDACTED, secretPlaceholder } from "./connector/secrets.ts";
export type { ScriptConnectorResult } from "./connector/connector-result.ts";
export type { BridgeResponse, HttpBridgeOptions } from "./connector/http-bridge.ts";
export {
  MAX_TARGET_ACTION_TIMEOUT_MS,
  MAX_TARGET_MEMORY_MB,
  ScriptTargetSandbox,
  type ScriptTargetOptions,
  type TargetBusyAnswer,
  type TargetScriptCall,
} from "./target/script-target-sandbox.ts";
export { targetScriptActions, type TargetScriptAction, type TargetScriptResult, type TargetScriptReturn } from "./target/target-action-result.ts";
