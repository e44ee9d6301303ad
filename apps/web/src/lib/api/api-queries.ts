import { useMutation, useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import type { ApiCallOptions } from "./api.ts";

/** The tenant a key is scoped to: tenant keys start with `tenantScope(tenantId)`; the person's and the platform's keys have none. */
export function tenantOf(queryKey: QueryKey): string | undefined {
  const scope = queryKey[0];
  return typeof scope === "object" && scope !== null && "tenantId" in scope && typeof scope.tenantId === "string" ? scope.tenantId : undefined;
}

/**
 * A query answered by one call of the typed client (`(call) => api.persons.get({ params }, call)`).
 * The call is sent for the tenant its key is scoped to, with TanStack Query's abort signal, so a
 * cache entry and its request can never name different tenants.
 */
export function useApiQuery<TData, TKey extends QueryKey>(
  queryKey: TKey,
  call: (options: ApiCallOptions) => Promise<TData>,
  options: Omit<UseQueryOptions<TData, Error, TData, TKey>, "queryKey" | "queryFn"> = {},
) {
  return useQuery({ ...options, queryKey, queryFn: ({ signal }) => call({ tenantId: tenantOf(queryKey), signal }) });
}

/**
 * Query options that show an item at once from its list's cached answer (opening it from the
 * list); its own request then refreshes it.
 */
export function useInitialDataFromList<TItem extends { id: string }>(listKey: QueryKey, id: string) {
  const queryClient = useQueryClient();
  return {
    initialData: () => queryClient.getQueryData<TItem[]>(listKey)?.find((item) => item.id === id),
    initialDataUpdatedAt: () => queryClient.getQueryState(listKey)?.dataUpdatedAt,
  };
}

/**
 * A mutation by one call of the typed client. Once it succeeds, the answer is stored under
 * `store(answer)` (the detail the next screen shows at once) and the `refresh` queries are asked
 * again; the mutation settles when they have been.
 */
export function useApiMutation<TVariables, TData>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  after: { store?: (answer: TData) => QueryKey; refresh?: QueryKey[] },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (answer) => {
      if (after.store) queryClient.setQueryData(after.store(answer), answer);
      await Promise.all((after.refresh ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

/** An area's key factories for its list and for one item's detail (`sourceSystemKeys`, `targetSystemKeys`, …). */
interface ItemKeyFactories {
  list: (tenantId: string) => QueryKey;
  detail: (tenantId: string, id: string) => QueryKey;
}

/**
 * A mutation answering with the item it created or changed: the item's detail holds the answer
 * (the next screen shows it at once) and the list is asked again.
 */
export function useSaveItemMutation<TVariables, TItem extends { id: string }>(tenantId: string, keys: ItemKeyFactories, mutationFn: (variables: TVariables) => Promise<TItem>) {
  return useApiMutation(mutationFn, { store: (item) => keys.detail(tenantId, item.id), refresh: [keys.list(tenantId)] });
}
