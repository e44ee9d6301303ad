/**
 * The sandbox process: runs mapping programs and script connectors for its parent
 * (sandbox-process.ts) over the IPC channel. If a script takes this process down, only this
 * process dies; the parent finds the input that did it by running the batch again in trace mode,
 * where every input is announced on file descriptor 4 (written synchronously, so the
 * announcement survives the crash). A script connector's HTTP requests, log lines and progress
 * go to the parent, which performs the requests: secrets and the network guard stay there.
 */
import { writeSync } from "node:fs";
import { runConnectorInIsolate } from "../connector/connector-isolate.ts";
import { createInProcessMappingProgram } from "../mapping/mapping-program.ts";
import type { MappingProgram } from "../mapping/mapping-program.ts";
import { TRACE_FD, type HostCall, type HostReply, type HostRequest } from "./sandbox-protocol.ts";

const programs = new Map<number, MappingProgram>();

const httpCalls = new Map<number, (outcome: unknown) => void>();
let nextCall = 1;

function reply(message: HostReply | HostCall) {
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
        reply({ id: request.id, ok: true, value: await program.run(request.inputs, request.fieldsToRun, request.runOptions) });
        return;
      }
      const results = [];
      for (const [index, input] of request.inputs.entries()) {
        writeSync(TRACE_FD, `${request.id}:${index}\n`);
        results.push(...(await program.run([input], request.fieldsToRun, request.runOptions)));
      }
      reply({ id: request.id, ok: true, value: results });
      return;
    }
    case "connector": {
      const id = request.id;
      const value = await runConnectorInIsolate(request.run, {
        request: (method, url, options) =>
          new Promise((resolveCall) => {
            const call = nextCall++;
            httpCalls.set(call, resolveCall);
            reply({ kind: "http", id, call, method, url, options });
          }),
        log: (message) => reply({ kind: "log", id, message }),
        progress: (fetched) => reply({ kind: "progress", id, fetched }),
      });
      reply({ id, ok: true, value });
      return;
    }
    case "http-reply": {
      httpCalls.get(request.call)?.(request.outcome);
      httpCalls.delete(request.call);
      return;
    }
    case "usage": {
      reply({ id: request.id, ok: true, value: { peakRssBytes: process.resourceUsage().maxRSS * 1024 } });
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
