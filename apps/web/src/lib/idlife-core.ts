/*
 * The domain rules the portal shares with the API and the worker (person model field lists,
 * contract state, permissions, mapping documents, default thresholds). Only pure, browser-safe
 * parts of core are used here.
 */
export {
  CONTRACT_STATES,
  DATE_FORMATS,
  DEFAULT_AGGREGATION_SETTINGS,
  DEFAULT_MANAGER_OPTIONS,
  DEFAULT_PRIMARY_CONTRACT_CRITERIA,
  DEFAULT_TARGET_THRESHOLDS,
  DEFAULT_THRESHOLDS,
  MAPPABLE_CONTRACT_FIELD_PATHS,
  MAX_LOOKUP_ENTRIES,
  MAPPABLE_PERSON_FIELD_PATHS,
  contractState,
  fieldKind,
  getPath,
  isCustomFieldPath,
  mappingToJson,
  parseMappingJson,
  roleAllows,
  type Contract,
  type ContractState,
  type DateFormat,
  type FieldKind,
  type MappingDefinition as CoreMappingDefinition,
  type Permission,
  type ThresholdReason,
  type ValueTransformInput,
} from "@idlife/core";

// Business-rule conditions: the editor offers the same fields and operators the API checks.
export {
  CONDITION_LIMITS,
  OPERATORS_BY_TYPE,
  checkCondition,
  conditionFieldCatalogue,
  type Condition,
  type ConditionFieldType,
  type ConditionProblem,
  type FieldCondition,
} from "@idlife/core";
