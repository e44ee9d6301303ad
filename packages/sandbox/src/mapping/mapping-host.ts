/**
 * The sandbox process: runs mapping programs for its parent (sandbox-host.ts) over the IPC
 * channel. If a script takes this process down, only this process dies; the parent finds the
 * input that did it by running the batch again in trace mode, where every input is announced on
 * file descriptor 4 (written synchronously, so the announcement survives the crash).
 */
import { writeSync } from "node:fs";
import { createInProcessMappingProgram } from "./mapping-program.ts";
import type { MappingProgram } from "./mapping-program.ts";
import { TRACE_FD, type HostReply, type HostRequest } from "./sandbox-protocol.ts";

const programs = new Map<number, MappingProgram>();

function reply(message: HostReply) {
  process.send?.(message);
}

async function handle(request: HostRequest) {
  switch (request.kind) {
    case "create": {
      const program = await createInProcessMappingProgram(request.fields, request.options);
      programs.set(request.program, program);
      reply({ id: request.id, ok: true, value: { compileErrors: program.compileErrors } });
      return;
    }
    case "run": {
      const program = programs.get(request.program);
      if (!program) throw new Error(`No mapping program ${request.program} in this sandbox process`);
      if (!request.trace) {
        reply({ id: request.id, ok: true, value: await program.run(request.inputs, request.fieldsToRun) });
        return;
      }
      const results = [];
      for (const [index, input] of request.inputs.entries()) {
        writeSync(TRACE_FD, `${request.id}:${index}\n`);
        results.push(...(await program.run([input], request.fieldsToRun)));
      }
      reply({ id: request.id, ok: true, value: results });
      return;
    }
    case "dispose": {
      programs.get(request.program)?.dispose();
      programs.delete(request.program);
      return;
    }
  }
}

process.on("message", (request: HostRequest) => {
  handle(request).catch((error: unknown) => {
    if ("id" in request) reply({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  });
});
// The parent went away: nothing left to serve.
process.on("disconnect", () => process.exit(0));
reply({ id: 0, ok: true, value: "ready" });
