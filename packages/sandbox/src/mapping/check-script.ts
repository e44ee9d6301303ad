import { MappingIsolate, type ScriptForm } from "./mapping-isolate.ts";

export type ScriptCheck =
  | {
      ok: true;
      /** "expression": the script is one expression and its value is the result. "body": a function body that must `return`. */
      form: ScriptForm;
      /** A hint for the editor, e.g. a body that never returns a value. */
      warning?: string;
    }
  | { ok: false; message: string; line?: number };

/**
 * Compiles a mapping script exactly as createMappingProgram does, without running it: the mapping
 * editor gets the same answer an import would.
 */
export async function checkScript(script: string): Promise<ScriptCheck> {
  const { mappingIsolate, compileErrors, forms } = await MappingIsolate.create([script], 16);
  mappingIsolate.dispose();
  const error = compileErrors.get(0);
  if (error) return { ok: false, ...error };
  const form = forms.get(0)!;
  if (form === "body" && !/\breturn\b/.test(script)) {
    return {
      ok: true,
      form,
      warning: "The script never returns a value, so the field stays empty; end it with `return <value>;`",
    };
  }
  return { ok: true, form };
}
