// API keys: a key answers for the person who made it (also when made with another key), its
// secret is shown once and stored hashed, and revoking is idempotent and tenant-bound.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey, sha256 } from "../src/index.ts";
import { refusal, useUseCaseTest } from "./support.ts";

const ctx = useUseCaseTest();

describe("API keys", () => {
  it("stores only the secret's hash, and a key made with a key answers for the first key's creator", async () => {
    const { tenantId, db } = await ctx.newTenant();
    const person = await ctx.owner.user.create({ data: { email: `${randomUUID()}@example.org`, displayName: "Key maker", passwordHash: "x" } });
    const first = await createApiKey({ db }, { name: "Sync", scopes: ["write", "write"], actor: { type: "user", id: person.id } });
    expect(first).toMatchObject({ scopes: ["write"], createdBy: { id: person.id, email: person.email }, revokedAt: null });
    expect((await ctx.owner.apiKey.findUniqueOrThrow({ where: { id: first.id } })).secretHash).toBe(sha256(first.secret));

    const second = await createApiKey({ db }, { name: "Made by a key", scopes: ["read"], actor: { type: "api_key", id: first.id } });
    expect(second.createdBy).toMatchObject({ id: person.id });
    expect(await ctx.owner.apiKey.count({ where: { tenantId, createdById: person.id } })).toBe(2);
  });

  it("revokes once, answers the same the second time, and finds no key of another tenant", async () => {
    const { db } = await ctx.newTenant();
    const key = await createApiKey({ db }, { name: "Old", scopes: ["read"], actor: { type: "system" } });
    const revoked = await revokeApiKey({ db }, { apiKeyId: key.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await revokeApiKey({ db }, { apiKeyId: key.id })).toEqual(revoked);

    const other = await ctx.newTenant();
    const foreign = await createApiKey({ db: other.db }, { name: "Theirs", scopes: ["read"], actor: { type: "system" } });
    expect(await refusal(revokeApiKey({ db }, { apiKeyId: foreign.id }))).toMatchObject({ status: 404, code: "not_found" });
    expect((await ctx.owner.apiKey.findUniqueOrThrow({ where: { id: foreign.id } })).revokedAt).toBeNull();
  });
});
