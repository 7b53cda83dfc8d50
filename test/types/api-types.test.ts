/**
 * The public API's types, checked by the TypeScript compiler as part of the tests: the claims in
 * api-types.fixture.ts (what textInput, dateInput, selectbox, cacheData, sessionState... return,
 * and which misuses they refuse), and the example app and the demo pages, which must still compile
 * against them.
 */
import { expect, test } from "vitest";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every .ts file under a folder of the repository. */
const tsFiles = (folder: string) =>
  readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(root, folder, f));

test("the API's types say what the calls return; the example app and the demo pages compile against them", () => {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
  // the project's own declarations (modules without types) come along, as with tsc -p .
  const declarations = config.fileNames.filter((f) => f.endsWith(".d.ts"));
  const files = [...declarations, join(root, "test/types/api-types.fixture.ts"), ...tsFiles("examples"), ...tsFiles("pages")];
  const program = ts.createProgram(files, config.options);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName.slice(root.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
  expect(problems).toEqual([]);
}, 180_000);
