import { Options } from "../../../components/Options.tsx";
import { fieldCatalogue, addChild, newGroup, newRow, numberNodes, removeNode, updateNode, type ConditionGroup, type GroupMode } from "../condition-builder.ts";
import { groupModeLabels } from "../operator-labels.ts";
import { ConditionRowEditor, FIELD_LIST_ID, ProblemLines } from "./ConditionRowEditor.tsx";

/**
 * The condition builder: nested groups of rows, no code. `problems` are checkCondition's, per node
 * id, recomputed as the administrator types.
 */
export function ConditionBuilder({ root, problems, onChange }: { root: ConditionGroup; problems: Map<string, string[]>; onChange: (root: ConditionGroup) => void }) {
  const numbers = numberNodes(root);
  return (
    <div className="condition-builder">
      <datalist id={FIELD_LIST_ID}>
        {fieldCatalogue.map((entry) => (
          <option key={entry.field} value={entry.field}>
            {entry.type}
          </option>
        ))}
      </datalist>
      <GroupEditor group={root} isRoot root={root} numbers={numbers} problems={problems} onChange={onChange} />
    </div>
  );
}

function GroupEditor({
  group,
  isRoot = false,
  root,
  numbers,
  problems,
  onChange,
}: {
  group: ConditionGroup;
  isRoot?: boolean;
  root: ConditionGroup;
  numbers: Map<string, number>;
  problems: Map<string, string[]>;
  onChange: (root: ConditionGroup) => void;
}) {
  const number = numbers.get(group.id)!;
  const groupProblems = problems.get(group.id);
  return (
    <fieldset className="condition-group" aria-label={`Group ${number}`}>
      <div className="condition-group__head">
        <select className="select" aria-label={`Group ${number} combines`} value={group.mode} onChange={(event) => onChange(updateNode(root, group.id, { mode: event.target.value as GroupMode }))}>
          <Options labels={groupModeLabels} />
        </select>
        <span className="muted">{group.mode === "not" ? "these conditions (together)" : "these conditions"}</span>
        {!isRoot && (
          <button type="button" className="button button--quiet" onClick={() => onChange(removeNode(root, group.id))} aria-label={`Remove group ${number}`}>
            Remove group
          </button>
        )}
      </div>
      {groupProblems && <ProblemLines problems={groupProblems} />}
      <ul className="condition-group__children">
        {group.children.map((child) =>
          child.kind === "row" ? (
            <ConditionRowEditor
              key={child.id}
              row={child}
              number={numbers.get(child.id)!}
              problems={problems.get(child.id)}
              onChange={(change) => onChange(updateNode(root, child.id, change))}
              onRemove={() => onChange(removeNode(root, child.id))}
            />
          ) : (
            <li key={child.id}>
              <GroupEditor group={child} root={root} numbers={numbers} problems={problems} onChange={onChange} />
            </li>
          ),
        )}
      </ul>
      <div className="toolbar">
        <button type="button" className="button button--secondary" onClick={() => onChange(addChild(root, group.id, newRow()))} aria-label={`Add condition to group ${number}`}>
          Add condition
        </button>
        <button type="button" className="button button--secondary" onClick={() => onChange(addChild(root, group.id, newGroup("any")))} aria-label={`Add group to group ${number}`}>
          Add group
        </button>
      </div>
    </fieldset>
  );
}
