/**
 * Reads enum values and which structure member uses which enum from a client's type declarations
 * (`dist-types/models/*.d.ts`). The compiled schemas carry neither; the declarations carry both:
 *   export declare const NetworkMode: { readonly AWSVPC: "awsvpc"; ... };
 *   export interface TaskDefinition { networkMode?: NetworkMode | undefined; ... }
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface SdkEnums {
  /** Enum name → its values, in declaration order. */
  values: Map<string, string[]>;
  /** `Structure.member` → enum name (for a list of enums, the enum of its items). */
  members: Map<string, string>;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The enum a member's type refers to: `E`, `E | undefined`, `E[]`, `(E)[] | undefined`. */
function enumOf(type: ts.TypeNode | undefined, enums: Map<string, string[]>): string | undefined {
  if (!type) return undefined;
  if (ts.isUnionTypeNode(type)) {
    for (const t of type.types) {
      const found = enumOf(t, enums);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isParenthesizedTypeNode(type)) return enumOf(type.type, enums);
  if (ts.isArrayTypeNode(type)) return enumOf(type.elementType, enums);
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && enums.has(type.typeName.text)) {
    return type.typeName.text;
  }
  return undefined;
}

export function readSdkEnums(modelsDir: string): SdkEnums {
  const values = new Map<string, string[]>();
  const enumFile = parse(join(modelsDir, 'enums.d.ts'));
  for (const statement of enumFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.type || !ts.isTypeLiteralNode(decl.type)) continue;
      const list: string[] = [];
      for (const member of decl.type.members) {
        if (ts.isPropertySignature(member) && member.type && ts.isLiteralTypeNode(member.type)) {
          const literal = member.type.literal;
          if (ts.isStringLiteral(literal)) list.push(literal.text);
        }
      }
      if (list.length > 0) values.set(decl.name.text, list);
    }
  }

  const members = new Map<string, string>();
  const modelFiles = readdirSync(modelsDir)
    .filter((f) => /^models_\d+\.d\.ts$/.test(f))
    .sort();
  for (const name of modelFiles) {
    for (const statement of parse(join(modelsDir, name)).statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      for (const member of statement.members) {
        if (!ts.isPropertySignature(member) || !member.name || !ts.isIdentifier(member.name)) continue;
        const found = enumOf(member.type, values);
        if (found) members.set(`${statement.name.text}.${member.name.text}`, found);
      }
    }
  }
  return { values, members };
}
