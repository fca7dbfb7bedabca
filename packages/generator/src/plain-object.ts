/**
 * A maker of ordinary objects for records whose keys are only known at run time (lab panels,
 * observations). `new` on a function whose prototype is Object.prototype gives an object with the
 * same prototype, constructor and JSON as `{}`, but V8 gives each maker its own hidden-class tree
 * and in-object room for the fields. Filling `{}` key by key shared one transition tree with every
 * object literal in the process and grew its property store as it went: it was the largest single
 * cost of a case (measured: a 24-key panel 1.0 → 0.35 µs). Use one maker per kind of record.
 */
export function plainObjectMaker<T extends object>(): new () => T {
  function Plain(): void {}
  Plain.prototype = Object.prototype;
  return Plain as unknown as new () => T;
}
