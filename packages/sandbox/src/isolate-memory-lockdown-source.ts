/**
 * Runs INSIDE an isolate before any administrator code (mapping harness and connector prelude).
 * An isolate's memory limit counts what V8 allocates through isolated-vm's allocator; a
 * resizable ArrayBuffer reserves its maximum up front and grows outside that allocator, so
 * `new ArrayBuffer(8, { maxByteLength: 2 ** 31 }).resize(2 ** 30)` could hold a gigabyte in a
 * 64 MB sandbox. So: no resizable or transferable buffers (the constructor refuses
 * maxByteLength, resize/transfer are gone) and no other memory of their own (WebAssembly,
 * SharedArrayBuffer and its growable form, Atomics). Fixed-size buffers and typed arrays stay:
 * they are allocated within the limit. The original constructor is reachable from nowhere a
 * script can see: the global and the prototype's `constructor` both name the replacement.
 */
export const memoryLockdownSource = String.raw`
(() => {
  "use strict";
  for (const name of ["WebAssembly", "SharedArrayBuffer", "Atomics"]) delete globalThis[name];
  const OriginalArrayBuffer = globalThis.ArrayBuffer;
  const prototype = OriginalArrayBuffer.prototype;
  for (const name of ["resize", "transfer", "transferToFixedLength"]) delete prototype[name];
  const construct = Reflect.construct;
  const ArrayBuffer = function ArrayBuffer(length, options) {
    if (new.target === undefined) throw new TypeError("Constructor ArrayBuffer requires 'new'");
    if (options !== null && (typeof options === "object" || typeof options === "function") && options.maxByteLength !== undefined) {
      throw new RangeError("Resizable ArrayBuffers (maxByteLength) are not available in the sandbox; create a buffer of the size you need");
    }
    // Only the length is passed on: options cannot change between this check and the allocation.
    return construct(OriginalArrayBuffer, [length], new.target);
  };
  Object.defineProperty(ArrayBuffer, "prototype", { value: prototype, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(ArrayBuffer, "isView", { value: OriginalArrayBuffer.isView, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(ArrayBuffer, Symbol.species, { get() { return this; }, enumerable: false, configurable: true });
  Object.defineProperty(prototype, "constructor", { value: ArrayBuffer, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(globalThis, "ArrayBuffer", { value: ArrayBuffer, writable: true, enumerable: false, configurable: true });
})();
`;
