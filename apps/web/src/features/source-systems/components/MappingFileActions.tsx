import type { MappingDefinition } from "@idlife/contracts";
import { useRef, type ChangeEvent } from "react";
import { saveBlob } from "../../../lib/api/api-files.ts";
import { mappingToJson, parseMappingJson, type CoreMappingDefinition } from "../../../lib/idlife-core.ts";

/**
 * Export and import a mapping as the versioned JSON document core defines (idlife.mapping v1),
 * so it can be kept in version control or copied to another tenant.
 */
export function MappingFileActions({
  fileBaseName,
  buildMapping,
  onImported,
  onProblem,
  canImport,
}: {
  fileBaseName: string;
  buildMapping: () => { definition: MappingDefinition } | { problem: string };
  onImported: (definition: MappingDefinition, fileName: string) => void;
  onProblem: (title: string, messages: string[]) => void;
  canImport: boolean;
}) {
  const inputRef = useRef<HTMLInputElement>(null);

  function exportJson() {
    const built = buildMapping();
    if ("problem" in built) {
      onProblem("The mapping cannot be exported yet", [built.problem]);
      return;
    }
    // The document holds the person and contract tabs (the format's scope); departments stay here.
    const { person, contract } = built.definition;
    const text = mappingToJson({ person, contract } as CoreMappingDefinition);
    saveBlob(new Blob([text], { type: "application/json" }), `${fileBaseName}-mapping.json`);
  }

  async function importJson(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const parsed = parseMappingJson(await file.text());
    if (!parsed.ok) {
      onProblem(`${file.name} was not imported`, parsed.errors);
      return;
    }
    onImported(parsed.definition as MappingDefinition, file.name);
  }

  return (
    <>
      <button type="button" className="button button--secondary" onClick={exportJson}>
        Export JSON
      </button>
      {canImport && (
        <>
          <button type="button" className="button button--secondary" onClick={() => inputRef.current?.click()}>
            Import JSON
          </button>
          <input
            ref={inputRef}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            aria-label="Mapping file to import"
            tabIndex={-1}
            onChange={(event) => void importJson(event)}
          />
        </>
      )}
    </>
  );
}
