// A TypeDoc plugin for formlit's API reference (npm run docs): leaves out what an app never
// touches, before it is converted (so typedoc-plugin-missing-exports does not pull in the types
// only they refer to, such as RunContext):
// - class members named `_x`: the plumbing between containers and the run;
// - the members `st` (Streamlit) inherits from Container, documented once there;
// - the constructors of Container, Streamlit and ContainerBase and ContainerBase.make: `st` and
//   its layout methods make containers, an app never does. Constructors are converted with their
//   class, so they go after conversion, with the two types only they name (ElementNode, Area).
import { Converter, ReflectionKind } from "typedoc";

const NOT_API_CONSTRUCTORS = new Set(["Container", "Streamlit", "ContainerBase"]);

/** @param {import("typedoc").Application} app */
export function load(app) {
  const converter = app.converter;
  const shouldIgnore = converter.shouldIgnore.bind(converter);
  converter.shouldIgnore = (symbol, checker) => {
    const name = symbol.name;
    const owner = symbol.parent?.name;
    if (/^_[^_]/.test(name) && symbol.valueDeclaration && isClassMember(symbol)) return true;
    if (name === "__constructor" && NOT_API_CONSTRUCTORS.has(owner)) return true;
    if (name === "make" && owner === "ContainerBase") return true;
    return shouldIgnore(symbol, checker);
  };
  // after typedoc-plugin-missing-exports (priority 1e9) has added the types the API refers to
  converter.on(
    Converter.EVENT_RESOLVE_BEGIN,
    (context) => {
      const project = context.project;
      for (const refl of project.getReflectionsByKind(ReflectionKind.Constructor)) {
        if (NOT_API_CONSTRUCTORS.has(refl.parent?.name)) project.removeReflection(refl);
      }
      // `st` (class Streamlit) has every Container method: listed once, under Container
      for (const cls of project.getReflectionsByKind(ReflectionKind.Class)) {
        if (cls.name !== "Streamlit") continue;
        for (const child of [...(cls.children ?? [])]) if (child.inheritedFrom) project.removeReflection(child);
      }
      for (const refl of project.getReflectionsByKind(ReflectionKind.Interface | ReflectionKind.TypeAlias)) {
        if (CONSTRUCTOR_ONLY_TYPES.has(refl.name) && refl.parent?.name === "<internal>") project.removeReflection(refl);
      }
    },
    0,
  );
}

const CONSTRUCTOR_ONLY_TYPES = new Set(["ElementNode", "Area"]);

function isClassMember(symbol) {
  const parent = symbol.valueDeclaration.parent;
  return parent && (parent.kind === 264 /* ClassDeclaration */ || parent.kind === 232 /* ClassExpression */);
}
