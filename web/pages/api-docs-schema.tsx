// How the API reference (./api-docs.tsx) shows a JSON Schema of the OpenAPI document: a type in words
// ("array of LearnerItem", "one of …"), and an object's fields as a list with their types, whether they are
// required, and their descriptions, nested as deep as the schema is. Plain lists and links, no script.
import type { ComponentChildren } from 'preact';

/** The parts of a JSON Schema (OpenAPI 3.1) the reference shows. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  example?: unknown;
}

/** The id of a schema's section on the page, for links to it. */
export const schemaAnchor = (name: string) => `schema-${name}`;

/** Text with Markdown's `code` spans as <code>: the document's descriptions use them for names and values. */
export function Described({ text }: { text: string | undefined }) {
  if (!text) return null;
  return <>{text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}

const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);
const literal = (v: unknown) => <code>{JSON.stringify(v)}</code>;
const joined = (parts: ComponentChildren[], by: string) => parts.flatMap((p, i) => (i ? [by, p] : [p]));

/** Limits that are part of the type: lengths, ranges, counts, a pattern, a format. */
function limits(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.format) out.push(s.format);
  if (s.minLength !== undefined || s.maxLength !== undefined) out.push(`${s.minLength ?? 0}–${s.maxLength ?? '∞'} characters`);
  if (s.minimum !== undefined || s.maximum !== undefined) out.push(`${s.minimum ?? '−∞'} to ${s.maximum ?? '∞'}`);
  if (s.minItems !== undefined || s.maxItems !== undefined) out.push(`${s.minItems ?? 0}–${s.maxItems ?? '∞'} items`);
  return out;
}

/** A schema's type in a few words, with links to named schemas. */
export function TypeName({ schema }: { schema: JsonSchema }) {
  const s = schema;
  if (s.$ref) return <a href={`#${schemaAnchor(refName(s.$ref))}`}>{refName(s.$ref)}</a>;
  if (s.const !== undefined) return literal(s.const);
  if (s.enum) return <>{joined(s.enum.map(literal), ' | ')}</>;
  const union = s.oneOf ?? s.anyOf;
  if (union)
    return (
      <>
        one of:{' '}
        {joined(
          union.map((u, i) => <TypeName key={i} schema={u} />),
          ' | ',
        )}
      </>
    );
  if (s.allOf)
    return (
      <>
        all of:{' '}
        {joined(
          s.allOf.map((u, i) => <TypeName key={i} schema={u} />),
          ' & ',
        )}
      </>
    );
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const base = types.map((t) =>
    t === 'array' && s.items ? (
      <>
        array of <TypeName schema={s.items} />
      </>
    ) : t === 'object' && !s.properties && typeof s.additionalProperties === 'object' ? (
      <>
        map of <TypeName schema={s.additionalProperties} />
      </>
    ) : (
      t
    ),
  );
  const extra = limits(s);
  return (
    <>
      {base.length ? joined(base, ' or ') : 'any JSON value'}
      {extra.length ? ` (${extra.join(', ')})` : ''}
      {s.pattern ? (
        <>
          , matching <code>{s.pattern}</code>
        </>
      ) : null}
    </>
  );
}

/** The schemas inside `s` whose fields are worth listing: an object's own, an array's items, a union's members. */
function nested(s: JsonSchema): JsonSchema[] {
  if (s.$ref) return [];
  if (s.properties) return [s];
  if (s.items) return nested(s.items);
  if (typeof s.additionalProperties === 'object') return nested(s.additionalProperties);
  return (s.oneOf ?? s.anyOf ?? s.allOf ?? []).filter((u) => !u.$ref);
}

/** An object's fields, each with its type, whether it is required, its description, and its own fields below it. */
function Fields({ schema }: { schema: JsonSchema }) {
  const required = new Set(schema.required ?? []);
  return (
    <ul>
      {Object.entries(schema.properties ?? {}).map(([name, field]) => (
        <li key={name}>
          <code>{name}</code> <span class="muted">{required.has(name) ? 'required' : 'optional'}</span>: <TypeName schema={field} />
          {field.description ? (
            <>
              {' — '}
              <Described text={field.description} />
            </>
          ) : null}
          {field.default !== undefined ? <> (default {literal(field.default)})</> : null}
          <SchemaBody schema={field} />
        </li>
      ))}
      {schema.additionalProperties === false ? null : <li class="muted">other fields allowed</li>}
    </ul>
  );
}

/** What there is to say below a schema's type: its object fields, or each variant of a union in turn. */
export function SchemaBody({ schema }: { schema: JsonSchema }) {
  const parts = nested(schema);
  if (!parts.length) return null;
  if (parts.length === 1 && parts[0]!.properties) return <Fields schema={parts[0]!} />;
  return (
    <ol>
      {parts.map((p, i) => (
        <li key={i}>
          <TypeName schema={p} />
          {p.description ? (
            <>
              {' — '}
              <Described text={p.description} />
            </>
          ) : null}
          <SchemaBody schema={p} />
        </li>
      ))}
    </ol>
  );
}
