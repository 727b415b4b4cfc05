import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * One owner of an application's status: no file but the lifecycle module may write
 * `applications.status`. Read from the syntax tree, so line breaks, shorthand (`{ status }`) and
 * spreads cannot hide a write.
 */
const ROOT = join(import.meta.dirname, "../../..");
const OWNER = "app/applications/lifecycle.server.ts";
// The demo seed writes finished histories as fixtures (back-dated, no actor); it is not a writer at run time.
const SCANNED = ["app", "db/cli"];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every place in `code` that writes `status` on the applications table (Kysely or SQL). */
function statusWrites(fileName: string, code: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const where = (node: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if ((method === "set" || method === "values") && targetsApplications(node.expression.expression, method)) {
        const argument = node.arguments[0];
        if (!argument || writesStatus(argument)) found.push(where(node));
      }
    }
    if (ts.isTaggedTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) {
      const text = node.getText(source);
      if (/update\s+"?applications"?\s+set[\s\S]*\bstatus\b/i.test(text)) found.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...new Set(found)];
}

/** Whether the builder chain before `.set`/`.values` starts at `updateTable("applications")` (or an insert, for `.values`). */
function targetsApplications(chain: ts.Expression, method: string): boolean {
  let node: ts.Expression = chain;
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      const table = node.arguments[0];
      const isApplications = table !== undefined && ts.isStringLiteral(table) && /^applications(\s|$)/.test(table.text);
      if (name === "updateTable") return isApplications;
      if (name === "insertInto") return method === "values" && isApplications;
    }
    node = ts.isCallExpression(node) ? node.expression : node.expression;
  }
  return false;
}

/** An object (or array of objects) with a `status` key; anything not spelt out counts as a write. */
function writesStatus(argument: ts.Expression): boolean {
  if (ts.isArrowFunction(argument)) return true;
  if (ts.isArrayLiteralExpression(argument)) return argument.elements.some(writesStatus);
  if (!ts.isObjectLiteralExpression(argument)) return true;
  return argument.properties.some(
    (property) =>
      ts.isSpreadAssignment(property) ||
      ((ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) &&
        property.name.getText() === "status"),
  );
}

describe("the lifecycle module owns applications.status", () => {
  it("finds writes however they are spelt", () => {
    const code = `
      db.updateTable("applications").set({ status: "withdrawn" }).execute();
      db.updateTable("applications")
        .set({ version: 2, status })
        .execute();
      db.updateTable("applications").set({ ...changes }).execute();
      db.insertInto("applications").values({ cycleId, status: "submitted" }).execute();
      sql\`UPDATE applications SET status = 'finalist' WHERE id = \${id}\`.execute(db);
      db.updateTable("applications").set({ answers: "{}" }).execute();
      db.updateTable("cycles").set({ status: "open" }).execute();
      db.insertInto("applications").values({ cycleId, applicantId }).execute();
      db.selectFrom("applications").where("status", "=", "draft").execute();
    `;
    expect(statusWrites("example.ts", code)).toEqual([
      "example.ts:2",
      "example.ts:3",
      "example.ts:6",
      "example.ts:7",
      "example.ts:8",
    ]);
  });

  it("no file but the lifecycle module writes an application's status", () => {
    const writers = SCANNED.flatMap(sourceFiles)
      .filter((file) => relative(ROOT, join(ROOT, file)) !== OWNER)
      .flatMap((file) => statusWrites(file, readFileSync(join(ROOT, file), "utf8")));
    expect(writers).toEqual([]);
  });

  it("the lifecycle module is where the writes are", () => {
    expect(statusWrites(OWNER, readFileSync(join(ROOT, OWNER), "utf8")).length).toBeGreaterThan(0);
  });
});
