/**
 * A target script as an administrator would write it for the app peer: one function per action,
 * the token as a secret placeholder, the password placeholder sent on create.
 */
export const appScript = String.raw`
const auth = (secrets) => ({ authorization: "Bearer " + secrets.apiToken });
const checked = (response, what) => {
  if (!response.ok) throw new Error(what + " answered " + response.status + ": " + response.text);
  return response.json();
};
const toAccount = (user) => ({ reference: user.id, enabled: user.active, displayName: user.userName, data: { employeeId: user.employeeId, userName: user.userName } });

export async function create({ account, password, enabled, person, config, secrets, http, mode }) {
  const existing = checked(await http.get(config.baseUrl + "/users", { headers: auth(secrets), query: { employeeId: account.employeeId } }), "lookup");
  if (existing.items.length > 0) return { success: false, messages: ["employee " + account.employeeId + " already has an account"] };
  const created = checked(await http.post(config.baseUrl + "/users", { headers: auth(secrets), json: { ...account, active: enabled, password } }), "create");
  return { success: true, reference: created.id, data: { userName: created.userName }, messages: ["created " + created.userName + " for " + (person ? person.displayName : "?") + " in " + mode] };
}
export async function update({ reference, account, previous, config, secrets, http }) {
  checked(await http.patch(config.baseUrl + "/users/" + reference, { headers: auth(secrets), json: account }), "update");
  return { success: true, messages: ["userName " + (previous ? previous.userName : "?") + " -> " + account.userName] };
}
export async function enable({ reference, config, secrets, http }) {
  checked(await http.patch(config.baseUrl + "/users/" + reference, { headers: auth(secrets), json: { active: true } }), "enable");
  return { success: true };
}
export async function disable({ reference, config, secrets, http }) {
  checked(await http.patch(config.baseUrl + "/users/" + reference, { headers: auth(secrets), json: { active: false } }), "disable");
  return { success: true };
}
export async function remove({ reference, config, secrets, http }) {
  checked(await http.delete(config.baseUrl + "/users/" + reference, { headers: auth(secrets) }), "delete");
  return { success: true, messages: ["deleted " + reference] };
}
export async function grant({ reference, permission, config, secrets, http }) {
  const user = checked(await http.get(config.baseUrl + "/users/" + reference, { headers: auth(secrets) }), "get");
  if (user.groups.includes(permission)) return { success: true, already: true };
  checked(await http.put(config.baseUrl + "/users/" + reference + "/groups/" + permission, { headers: auth(secrets) }), "grant");
  return { success: true };
}
export async function revoke({ reference, permission, config, secrets, http }) {
  checked(await http.delete(config.baseUrl + "/users/" + reference + "/groups/" + permission, { headers: auth(secrets) }), "revoke");
  return { success: true };
}
export async function get({ reference, config, secrets, http }) {
  const response = await http.get(config.baseUrl + "/users/" + reference, { headers: auth(secrets) });
  if (response.status === 404) return { success: true, account: null };
  return { success: true, account: toAccount(checked(response, "get")) };
}
export async function find({ attribute, value, config, secrets, http }) {
  if (attribute !== "employeeId") return { success: false, messages: ["can only find by employeeId, not " + attribute] };
  const found = checked(await http.get(config.baseUrl + "/users", { headers: auth(secrets), query: { employeeId: value } }), "find");
  return { success: true, accounts: found.items.map(toAccount) };
}
export async function list({ cursor, limit, config, secrets, http }) {
  const page = checked(await http.get(config.baseUrl + "/users", { headers: auth(secrets), query: { offset: cursor ?? 0, limit } }), "list");
  return { success: true, accounts: page.items.map(toAccount), ...(page.next === null ? {} : { cursor: String(page.next) }) };
}
export async function permissions({ config, secrets, http }) {
  const groups = checked(await http.get(config.baseUrl + "/groups", { headers: auth(secrets) }), "groups");
  return { success: true, permissions: groups.map((group) => ({ reference: group.id, displayName: group.name })) };
}
export async function accountPermissions({ reference, config, secrets, http }) {
  return { success: true, permissions: checked(await http.get(config.baseUrl + "/users/" + reference, { headers: auth(secrets) }), "get").groups };
}
export async function test({ config, secrets, http }) {
  checked(await http.get(config.baseUrl + "/groups", { headers: auth(secrets) }), "test");
  return { success: true, messages: ["the app answers"] };
}
`;
