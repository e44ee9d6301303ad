import type { BusinessRuleView } from "@idlife/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api/api.ts";
import { useApiQuery, useInitialDataFromList, useSaveItemMutation } from "../../../lib/api/api-queries.ts";
import type { RuleRequest } from "../rule-form.ts";
import { businessRuleKeys } from "./business-rule-keys.ts";

export function useBusinessRulesQuery(tenantId: string) {
  return useApiQuery(businessRuleKeys.list(tenantId), (call) => api.businessRules.list(undefined, call));
}

export function useBusinessRuleQuery(tenantId: string, ruleId: string) {
  const fromList = useInitialDataFromList<BusinessRuleView>(businessRuleKeys.list(tenantId), ruleId);
  return useApiQuery(businessRuleKeys.detail(tenantId, ruleId), (call) => api.businessRules.get({ params: { id: ruleId } }, call), fromList);
}

export function useCreateBusinessRuleMutation(tenantId: string) {
  return useSaveItemMutation(tenantId, businessRuleKeys, (request: RuleRequest) => api.businessRules.create({ body: request }, { tenantId }));
}

export function useUpdateBusinessRuleMutation(tenantId: string, ruleId: string) {
  return useSaveItemMutation(tenantId, businessRuleKeys, (request: RuleRequest) => api.businessRules.update({ params: { id: ruleId }, body: request }, { tenantId }));
}

export function usePublishBusinessRuleMutation(tenantId: string, ruleId: string) {
  return useSaveItemMutation(tenantId, businessRuleKeys, (simulationId: string) => api.businessRules.publish({ params: { id: ruleId }, body: { simulationId } }, { tenantId }));
}

export function useDeleteBusinessRuleMutation(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => api.businessRules.remove({ params: { id: ruleId } }, { tenantId }),
    onSuccess: (_, ruleId) => {
      queryClient.removeQueries({ queryKey: businessRuleKeys.detail(tenantId, ruleId) });
      return queryClient.invalidateQueries({ queryKey: businessRuleKeys.list(tenantId) });
    },
  });
}
