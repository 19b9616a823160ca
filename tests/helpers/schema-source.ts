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
  /** "col1,col2 -> Table(id) ON DELETE CASCADE" for each relation that holds the key. */
  foreignKeys: string[];
};

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Float", "Decimal", "Json", "Bytes"]);

/** Prisma's referential actions as SQL spells them. */
const ON_DELETE: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

type Relation = { target: string; fields: string[]; references: string[]; onDelete: string };

const list = (text: string) => text.split(",").map((item) => item.trim());

/**
 * Reads the models of prisma/schema.prisma, the one schema source, from its
 * text: each field on its own line (as `prisma format` writes them), scalar
 * and enum fields are columns (with their types), `?` makes one nullable,
 * `@unique`, `@@unique` and `@@index` are indexes. Relation fields (a model's
 * type) are no columns; the side whose `@relation` names `fields` holds a
 * foreign key, deleted as its `onDelete` says or, without one, as Prisma does
 * by default (SET NULL when the relation is optional, RESTRICT when required).
 */
export function readSchemaModels(file = path.join(ROOT, "prisma", "schema.prisma")): SchemaModel[] {
  const text = fs.readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const enums = new Set([...text.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((match) => match[1]!));
  const parsed: { name: string; model: SchemaModel; columnOf: Map<string, string>; relations: Relation[] }[] = [];
  for (const [, name, body] of text.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const model: SchemaModel = { table: name!, columns: [], indexes: [], foreignKeys: [] };
    const columnOf = new Map<string, string>();
    const relations: Relation[] = [];
    for (const line of body!.split("\n").map((l) => l.trim())) {
      const map = /^@@map\("([^"]+)"\)/.exec(line);
      if (map) model.table = map[1]!;
      const block = /^@@(unique|index)\(\[([^\]]+)\]/.exec(line);
      if (block) model.indexes.push(`${block[2]!.replace(/\s/g, "")}${block[1] === "unique" ? " unique" : ""}`);
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || line.startsWith("@@")) continue;
      const [, fieldName, type, , optional, attributes] = field;
      const relation = /@relation\(([^)]*)\)/.exec(attributes!)?.[1];
      const keyFields = relation && /fields:\s*\[([^\]]+)\]/.exec(relation)?.[1];
      if (relation && keyFields) {
        const onDelete = /onDelete:\s*(\w+)/.exec(relation)?.[1];
        relations.push({
          target: type!,
          fields: list(keyFields),
          references: list(/references:\s*\[([^\]]+)\]/.exec(relation)?.[1] ?? ""),
          onDelete: onDelete ? (ON_DELETE[onDelete] ?? onDelete) : optional === "?" ? "SET NULL" : "RESTRICT",
        });
      }
      if (!SCALARS.has(type!) && !enums.has(type!)) continue;
      const column = /@map\("([^"]+)"\)/.exec(attributes!)?.[1] ?? fieldName!;
      columnOf.set(fieldName!, column);
      model.columns.push({ column, nullable: optional === "?", type: type!, isEnum: enums.has(type!) });
      if (/@unique\b/.test(attributes!)) model.indexes.push(`${column} unique`);
    }
    parsed.push({ name: name!, model, columnOf, relations });
  }
  const byName = new Map(parsed.map((entry) => [entry.name, entry]));
  for (const { model, columnOf, relations } of parsed) {
    for (const relation of relations) {
      const target = byName.get(relation.target)!;
      const columns = relation.fields.map((field) => columnOf.get(field) ?? field);
      const referenced = relation.references.map((field) => target.columnOf.get(field) ?? field);
      model.foreignKeys.push(
        `${columns.join(",")} -> ${target.model.table}(${referenced.join(",")}) ON DELETE ${relation.onDelete}`,
      );
    }
  }
  return parsed.map((entry) => entry.model);
}
