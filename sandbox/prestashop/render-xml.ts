/**
 * WebserviceOutputXML: every value in CDATA (unescaped, as PHP writes it), links as xlink:href,
 * no indentation, one element per line (reference §6.1).
 */
import { isEmptyReference, type EntityView, type FieldView, type Output, type PhpScalar } from "./entity-view.ts";
import type { WsErrorEntry } from "./errors.ts";
import type { ResourceDef } from "./schema.ts";

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">\n';
const FOOTER = "</prestashop>\n";

/** PHP string conversion: null and false are "". */
const phpText = (value: PhpScalar) => (value === null || value === false ? "" : String(value));

const cdata = (value: string) => `<![CDATA[${value}]]>`;

function fieldXml(field: FieldView, entity: EntityView, wsUrl: string): string {
  const { def, value } = field;
  if (value instanceof Map) {
    const languages = [...value]
      .map(([id, text]) => `<language id="${id}" xlink:href="${wsUrl}languages/${id}">${cdata(text)}</language>`)
      .join("");
    return `<${def.name}>${languages}</${def.name}>\n`;
  }
  let attributes = "";
  if (def.xlink && !isEmptyReference(def, value)) {
    const target =
      typeof def.xlink === "string"
        ? `${def.xlink}/`
        : `${def.xlink.resourceName}/${def.xlink.subResourceName ? `${def.xlink.subResourceName}/${entity.id}/` : ""}`;
    attributes += ` xlink:href="${wsUrl}${target}${phpText(value)}"`;
  }
  if (def.dynamic) attributes += ' notFilterable="true"';
  return `<${def.name}${attributes}>${cdata(phpText(value))}</${def.name}>\n`;
}

function associationsXml(entity: EntityView, wsUrl: string, resourceNames: ReadonlySet<string>): string {
  if (!entity.associations) return "";
  let xml = "<associations>\n";
  for (const { def, elements } of entity.associations) {
    const kind = def.virtualEntity ? ' virtualEntity="true"' : ` api="${def.api ?? def.name}"`;
    const open = `<${def.name} nodeType="${def.node}"${kind}`;
    if (elements.length === 0) {
      xml += `${open}/>\n`;
      continue;
    }
    xml += `${open}>\n`;
    for (const element of elements) {
      const link = resourceNames.has(def.name) ? ` xlink:href="${wsUrl}${def.name}/${phpText(element.id)}"` : "";
      xml += `<${def.node}${link}>\n`;
      for (const { field, value } of element.fields) {
        const fieldLink = field.xlink ? ` xlink:href="${wsUrl}${field.xlink}/${phpText(value)}"` : "";
        xml += `<${field.name}${fieldLink}>${cdata(phpText(value))}</${field.name}>\n`;
      }
      xml += `</${def.node}>\n`;
    }
    xml += `</${def.name}>\n`;
  }
  return `${xml}</associations>\n`;
}

function entityXml(entity: EntityView, wsUrl: string, resourceNames: ReadonlySet<string>): string {
  const node = entity.resource.node;
  const fields = entity.fields.map((field) => fieldXml(field, entity, wsUrl)).join("");
  return `<${node}>\n${fields}${associationsXml(entity, wsUrl, resourceNames)}</${node}>\n`;
}

const minimalXml = (resource: ResourceDef, id: number, wsUrl: string) =>
  `<${resource.node} id="${id}" xlink:href="${wsUrl}${resource.name}/${id}"/>\n`;

/** @param resourceNames every resource of the shop: association elements link to those. */
export function renderXml(output: Output, wsUrl: string, resourceNames: ReadonlySet<string>): string {
  const { resource } = output;
  if (output.view === "detail") {
    return HEADER + ("id" in output ? minimalXml(resource, output.id, wsUrl) : entityXml(output.entity, wsUrl, resourceNames)) + FOOTER;
  }
  const items =
    "ids" in output
      ? output.ids.map((id) => minimalXml(resource, id, wsUrl)).join("")
      : output.entities.map((entity) => entityXml(entity, wsUrl, resourceNames)).join("");
  return `${HEADER}<${resource.name}>\n${items}</${resource.name}>\n${FOOTER}`;
}

export function renderXmlErrors(errors: readonly WsErrorEntry[]): string {
  const items = errors
    .map(({ code, message }) => `<error>\n<code>${cdata(String(code))}</code>\n<message>${cdata(message)}</message>\n</error>\n`)
    .join("");
  return `${HEADER}<errors>\n${items}</errors>\n${FOOTER}`;
}

export interface RootEntry {
  name: string;
  description: string;
  methods: ReadonlyArray<readonly [attribute: string, granted: boolean]>;
}

/** getResourcesList(): the resources the key may use, with its methods, description and schema links. */
export function renderXmlRoot(shopName: string, entries: readonly RootEntry[], wsUrl: string): string {
  const body = entries
    .map(({ name, description, methods }) => {
      const attributes = ` xlink:href="${wsUrl}${name}"${methods.map(([m, granted]) => ` ${m}="${granted}"`).join("")}`;
      return (
        `<${name}${attributes}>\n<description${attributes}>\n${description}</description>\n` +
        `<schema xlink:href="${wsUrl}${name}?schema=blank" type="blank"/>\n` +
        `<schema xlink:href="${wsUrl}${name}?schema=synopsis" type="synopsis"/>\n</${name}>\n`
      );
    })
    .join("");
  return `${HEADER}<api shopName="${shopName}">\n${body}</api>\n${FOOTER}`;
}
