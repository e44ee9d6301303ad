import type { BusinessRuleView } from "@idlife/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api/api.ts";
import type { RuleRequest } from "../rule-form.ts";
import { businessRuleKeys } from "./business-rule-keys.ts";

export function useBusinessRulesQuery(tenantId: string) {
  return useQuery({
    queryKey: businessRuleKeys.list(tenantId),
    queryFn: ({ signal }) => api.businessRules.list(undefined, { tenantId, signal }),
  });
}

export function useBusinessRuleQuery(tenantId: string, ruleId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: businessRuleKeys.detail(tenantId, ruleId),
    queryFn: ({ signal }) => api.businessRules.get({ params: { id: ruleId } }, { tenantId, signal }),
    initialData: () => queryClient.getQueryData<BusinessRuleView[]>(businessRuleKeys.list(tenantId))?.find((rule) => rule.id === ruleId),
    initialDataUpdatedAt: () => queryClient.getQueryState(businessRuleKeys.list(tenantId))?.dataUpdatedAt,
  });
}

/** After any change the rule's detail holds the answer and the list is asked again. */
function useStoreRule(tenantId: string) {
  const queryClient = useQueryClient();
  return (rule: BusinessRuleView) => {
    queryClient.setQueryData(businessRuleKeys.detail(tenantId, rule.id), rule);
    return queryClient.invalidateQueries({ queryKey: businessRuleKeys.list(tenantId) });
  };
}

export function useCreateBusinessRuleMutation(tenantId: string) {
  const store = useStoreRule(tenantId);
  return useMutation({
    mutationFn: (request: RuleRequest) => api.businessRules.create({ body: request }, { tenantId }),
    onSuccess: store,
  });
}

export function useUpdateBusinessRuleMutation(tenantId: string, ruleId: string) {
  const store = useStoreRule(tenantId);
  return useMutation({
    mutationFn: (request: RuleRequest) => api.businessRules.update({ params: { id: ruleId }, body: request }, { tenantId }),
    onSuccess: store,
  });
}

export function usePublishBusinessRuleMutation(tenantId: string, ruleId: string) {
  const store = useStoreRule(tenantId);
  return useMutation({
    mutationFn: (simulationId: string) => api.businessRules.publish({ params: { id: ruleId }, body: { simulationId } }, { tenantId }),
    onSuccess: store,
  });
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
