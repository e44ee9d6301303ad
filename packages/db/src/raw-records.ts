/**
 * Raw records are stored as versions (a record delivered unchanged is not stored again). The raw
 * data of an import whose raw_seq is `seq` is every version of its source that was valid then.
 */
export function rawRecordsAt(tenantId: string, sourceSystemId: string, seq: bigint) {
  return { tenantId, sourceSystemId, validFrom: { lte: seq }, OR: [{ validTo: null }, { validTo: { gt: seq } }] };
}
