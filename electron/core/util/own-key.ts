// Id → record objects (records.json's collections, packs.json, library.json's versions, the
// register …) are plain objects read from JSON. `obj[id]` with an id a caller sent — "constructor",
// "toString", "__proto__" — finds Object.prototype's member, not "no such record": a 500 with
// "不是有效日期：undefined", or a remove that says it removed something. Every lookup by an id
// from outside goes through own(): an id is only ever the object's own key.

/** obj[key] only when it is obj's own property. */
export function own<O extends Readonly<Record<string, unknown>>>(obj: O, key: string): O[string] | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj[key] as O[string]) : undefined;
}
