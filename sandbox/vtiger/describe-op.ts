/** listtypes and describe (reference §7, §8), as the session user sees them. */
import { permissionOf, typesOf, type OpContext } from "./context.ts";
import { isKnownModule, moduleKind } from "./entities.ts";
import { accessDenied, DENIED } from "./errors.ts";
import type { DescribeField, ListTypeInfo, ModuleDescribe } from "./fixtures.ts";
import { phpString } from "./php.ts";

export function listTypes(ctx: OpContext, fieldTypeList: unknown) {
  const { information } = ctx.schema.fixtures;
  let types = typesOf(ctx);
  if (Array.isArray(fieldTypeList) && fieldTypeList.length > 0) {
    // With a type filter vtiger only considers CRM modules (not Users, not actors) having such a field.
    const wanted = new Set(fieldTypeList.map((type) => phpString(type).toLowerCase()));
    types = types.filter(
      (module) =>
        information[module]?.isEntity &&
        moduleKind(module) !== "users" &&
        ctx.schema.has(module) &&
        ctx.schema.columnFields(module).some((field) => wanted.has(field.type.name)),
    );
  }
  const info: Record<string, ListTypeInfo> = {};
  for (const module of types) {
    const entry = information[module];
    if (entry) info[module] = entry;
  }
  return { types, information: info };
}

export function describe(ctx: OpContext, elementType: unknown): ModuleDescribe {
  const module = phpString(elementType);
  // Built only when thrown: an Error captures a stack trace.
  const unknown = () => accessDenied(`${DENIED} for name : ${module}`);
  if (!isKnownModule(module)) throw unknown();
  const types = typesOf(ctx);
  if (!types.includes(module)) throw accessDenied();
  if (!ctx.schema.has(module)) throw unknown();
  const permission = permissionOf(ctx, module);
  let fields = ctx.schema.fields(module).map((field) => visibleReferences(field, types));
  if (moduleKind(module) === "product") fields = withCurrencyPriceFields(ctx, fields);
  return {
    ...ctx.schema.base(module),
    createable: permission.create,
    updateable: permission.update,
    deleteable: permission.delete,
    retrieveable: permission.retrieve,
    fields,
  };
}

/** refersTo only lists modules the user can access. */
function visibleReferences(field: DescribeField, types: string[]): DescribeField {
  const refersTo = field.type.refersTo;
  if (!refersTo) return field;
  return { ...field, type: { ...field.type, refersTo: refersTo.filter((module) => types.includes(module)) } };
}

/** Products/Services describe one `currency<N>` price field per active currency. */
function withCurrencyPriceFields(ctx: OpContext, fields: DescribeField[]): DescribeField[] {
  const priceFields = ctx.view.activeCurrencies().map(
    (currency): DescribeField => ({
      name: `currency${currency.id}`,
      label: `${currency.fields.currency_name ?? ""} ${currency.fields.currency_code ?? ""}`,
      type: { name: "double" },
      nullable: "1",
      editable: "1",
      mandatory: "",
      default: "",
    }),
  );
  return [...fields.filter((field) => !/^currency\d+$/.test(field.name)), ...priceFields];
}
