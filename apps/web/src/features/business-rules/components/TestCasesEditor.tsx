import { newTestCase, type TestCaseDraft } from "../rule-form.ts";

/** "This person must be in scope, that one must not": run on every simulation; a failing one refuses the publish. */
export function TestCasesEditor({ testCases, onChange }: { testCases: TestCaseDraft[]; onChange: (testCases: TestCaseDraft[]) => void }) {
  const change = (id: string, patch: Partial<TestCaseDraft>) => onChange(testCases.map((testCase) => (testCase.id === id ? { ...testCase, ...patch } : testCase)));
  return (
    <section className="form-section" aria-label="Test cases">
      <h2 className="form-section__title">Test cases</h2>
      <p className="field__hint">Checked on every simulation; a publish that breaks one is refused.</p>
      <ol className="entitlement-list">
        {testCases.map((testCase, index) => {
          const label = (what: string) => `${what} of test case ${index + 1}`;
          return (
            <li key={testCase.id} className="entitlement-row" aria-label={`Test case ${index + 1}`}>
              <input className="input" aria-label={label("Name")} placeholder="A full-time teacher" value={testCase.name} onChange={(event) => change(testCase.id, { name: event.target.value })} />
              <input className="input input--mono" aria-label={label("Person ExternalId")} placeholder="Person ExternalId" value={testCase.personExternalId} onChange={(event) => change(testCase.id, { personExternalId: event.target.value })} />
              <select className="select" aria-label={label("Expectation")} value={testCase.expect} onChange={(event) => change(testCase.id, { expect: event.target.value as TestCaseDraft["expect"] })}>
                <option value="in-scope">must be in scope</option>
                <option value="not-in-scope">must not be in scope</option>
              </select>
              <button type="button" className="button button--quiet" aria-label={`Remove test case ${index + 1}`} onClick={() => onChange(testCases.filter((other) => other.id !== testCase.id))}>
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <div className="toolbar">
        <button type="button" className="button button--secondary" onClick={() => onChange([...testCases, newTestCase()])}>
          Add test case
        </button>
      </div>
    </section>
  );
}
