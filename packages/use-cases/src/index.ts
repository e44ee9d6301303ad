// Use cases shared by the API (HTTP adapter) and the worker (job handlers): one file per
// verb-noun, each `(deps, input) => outcome` over one tenant's data (TenantScope).
export { UseCaseError, badRequest, conflict, notFound } from "./use-case-error.ts";
export { tenantScope, parseInput, type TenantScope } from "./tenant-scope.ts";

export { requestSnapshot, type SnapshotCause, type RequestSnapshotDeps } from "./snapshots/request-snapshot.ts";

export { mergePersons } from "./persons/merge-persons.ts";
export { unmergePerson } from "./persons/unmerge-person.ts";
export { acceptMergeSuggestion } from "./persons/accept-merge-suggestion.ts";
export { rejectMergeSuggestion } from "./persons/reject-merge-suggestion.ts";

export { startImport, type StartImportInput, type StartImportOutcome } from "./imports/start-import.ts";
export { approveImport } from "./imports/approve-import.ts";
export { enqueueImport } from "./imports/import-lock.ts";
export { scheduledImportId } from "./imports/scheduled-import-id.ts";

export { createSourceSystem } from "./source-systems/create-source-system.ts";
export { updateSourceSystem } from "./source-systems/update-source-system.ts";
export { deleteSourceSystem } from "./source-systems/delete-source-system.ts";
export { storeUpload, findCsvSource } from "./source-systems/store-upload.ts";
export { findSourceSystem, type SourceSystemDeps } from "./source-systems/source-system-deps.ts";
export { toSourceSystemResponse } from "./source-systems/source-system-view.ts";
export { validateMapping } from "./source-systems/connector-settings.ts";

export { updateTenant } from "./tenants/update-tenant.ts";
export { toTenantResponse } from "./tenants/tenant-view.ts";
export * from "./rules/index.ts";

export { createTargetSystem } from "./targets/create-target-system.ts";
export { updateTargetSystem } from "./targets/update-target-system.ts";
export { deleteTargetSystem } from "./targets/delete-target-system.ts";
export { findTargetSystem, toTargetSystemResponse, type TargetSystemDeps } from "./targets/target-system-view.ts";
export { testTargetConnection } from "./targets/test-target-connection.ts";
export { refreshPermissions } from "./targets/refresh-permissions.ts";
export { runInventory } from "./targets/run-inventory.ts";
export type { TargetReadDeps } from "./targets/target-plan-session.ts";
export type { ScriptChecker } from "./targets/target-field-mapping-checks.ts";
export { previewAccount, correlate, type PreviewAccountDeps } from "./targets/preview-account.ts";
export { requestAccountAction, requestPermissionAction, requestedBySchema, type RequestedBy, type RequestTargetActionDeps } from "./targets/request-target-action.ts";
export { listPersonAccounts, listPersonEntitlements, listPersonActions } from "./targets/list-person-targets.ts";
export { enqueueTargetRun } from "./targets/enqueue-target-run.ts";
export { planAccountAction, parentOf, type AccountPlan } from "./targets/account-plan.ts";
export { loadPersonForTarget, loadPersonsForTarget, type PersonForTarget, type StoredAccount } from "./targets/person-subject.ts";
export { claimValue, releaseUnchosen, reservedForOthers, reserveValues } from "./targets/reserved-values.ts";
export { loadTargetSystem, openTargetSession, targetConnectorOf, type EngineTargetSystem } from "./targets/target-system-runtime.ts";
export { toTargetActionView, toTargetAccountView, toEntitlementView } from "./targets/target-views.ts";
export { compileComplexMappings, type ComplexMappings } from "./targets/complex-mappings.ts";
export { hashPassword, verifyPassword, UNUSABLE_PASSWORD_HASH } from "./accounts/passwords.ts";
export { randomToken, sha256, sameHash } from "./accounts/secret-tokens.ts";
export { generateApiKey, parseApiKey } from "./accounts/api-key-secrets.ts";
export { issuePasswordResetToken } from "./accounts/setup-token.ts";

export { inviteToTenant } from "./members/invite-to-tenant.ts";
export { INVITATION_TTL_MINUTES, MAX_PENDING_INVITATIONS, pendingInvitation, toInvitation } from "./members/invitation-view.ts";
export { toMember, type MemberActor } from "./members/member-rules.ts";
export { inviteMember } from "./members/invite-member.ts";
export { withdrawInvitation } from "./members/withdraw-invitation.ts";
export { changeMemberRole } from "./members/change-member-role.ts";
export { removeMember } from "./members/remove-member.ts";
export { inviteeVerified, invitationsOf, type Invitee } from "./members/invitation-answer.ts";
export { acceptInvitation } from "./members/accept-invitation.ts";
export { declineInvitation } from "./members/decline-invitation.ts";

export { createApiKey } from "./api-keys/create-api-key.ts";
export { revokeApiKey } from "./api-keys/revoke-api-key.ts";
export { loadCreators, toApiKey } from "./api-keys/api-key-view.ts";
export { createTenant, defaultTenantSettings, type CreateTenantInput } from "./tenants/create-tenant.ts";
export { pushSourceRecords, PUSH_UPLOAD_ROLE, type StoredPush } from "./imports/push-source-records.ts";
export { pushSettingsOf } from "./source-systems/push-settings.ts";
export { listTargetSystems, getTargetSystem } from "./targets/list-target-systems.ts";
export { listBusinessRules, getBusinessRule } from "./rules/list-business-rules.ts";
export { listEvaluations, getEvaluation } from "./rules/list-evaluations.ts";
export { listApiKeys } from "./api-keys/list-api-keys.ts";
export { listMergeSuggestions } from "./persons/list-merge-suggestions.ts";
export { listTargetPermissions, readTargetInventory, listTargetActions } from "./targets/list-target-system-records.ts";
