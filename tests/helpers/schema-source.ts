import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./paths";

/** A model of prisma/schema.prisma as the drift check needs it. */
export type SchemaModel = {
  table: string;
  /** `type`: the field's Prisma type ("String", "DateTime") or, for an enum, the enum's name with `isEnum`. */
  columns: { column: string; nullable: boolean; type: string; isEnum: boolean }[];
  /** "col1,col2" for each index, " unique" appended for unique ones. */
  indexes: string[];
};

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Float", "Decimal", "Json", "Bytes"]);

/**
 * Reads the models of prisma/schema.prisma, the one schema source, from its
 * text: each field on its own line (as `prisma format` writes them), scalar
 * and enum fields are columns (with their types), `?` makes one nullable, `@unique`, `@@unique`
 * and `@@index` are indexes. Relation fields (a model's type) are no columns.
 */
export function readSchemaModels(file = path.join(ROOT, "prisma", "schema.prisma")): SchemaModel[] {
  const text = fs.readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const enums = new Set([...text.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((match) => match[1]!));
  const models: SchemaModel[] = [];
  for (const [, name, body] of text.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const model: SchemaModel = { table: name!, columns: [], indexes: [] };
    for (const line of body!.split("\n").map((l) => l.trim())) {
      const map = /^@@map\("([^"]+)"\)/.exec(line);
      if (map) model.table = map[1]!;
      const block = /^@@(unique|index)\(\[([^\]]+)\]/.exec(line);
      if (block) model.indexes.push(`${block[2]!.replace(/\s/g, "")}${block[1] === "unique" ? " unique" : ""}`);
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || line.startsWith("@@")) continue;
      const [, fieldName, type, , optional, attributes] = field;
      if (!SCALARS.has(type!) && !enums.has(type!)) continue;
      const column = /@map\("([^"]+)"\)/.exec(attributes!)?.[1] ?? fieldName!;
      model.columns.push({ column, nullable: optional === "?", type: type!, isEnum: enums.has(type!) });
      if (/@unique\b/.test(attributes!)) model.indexes.push(`${column} unique`);
    }
    models.push(model);
  }
  return models;
}
