// How the API reference (./api-docs.tsx) shows a JSON Schema of the OpenAPI document: a type in words
// ("array of LearnerItem", "one of …"), and an object's fields as a list with their types, whether they are
// required, and their descriptions, nested as deep as the schema is. Plain lists and links, no script.
import { Fragment, type ComponentChildren, type VNode } from 'preact';

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

/** "1 to 200 characters", "1 or more items", "at most 200 items": a range as far as it is bounded. */
function range(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  if (min === undefined && max === undefined) return undefined;
  if (max === undefined) return `${min} or more ${unit}`.trim();
  return (min === undefined || (min === 0 && unit) ? `at most ${max} ${unit}` : `${min} to ${max} ${unit}`).trim();
}

/** Limits that are part of the type: lengths, ranges, counts, a format. */
function limits(s: JsonSchema): string[] {
  const found = [
    s.format,
    range(s.minLength, s.maxLength, 'characters'),
    range(s.minimum, s.maximum, ''),
    range(s.minItems, s.maxItems, 'items'),
  ];
  return found.filter((x): x is string => !!x);
}

/** A schema's type in a few words, with links to named schemas. */
export function TypeName({ schema }: { schema: JsonSchema }) {
  const s = schema;
  if (s.$ref) return <a href={`#${schemaAnchor(refName(s.$ref))}`}>{refName(s.$ref)}</a>;
  if (s.const !== undefined) return literal(s.const);
  if (s.enum) return <>{joined(s.enum.map(literal), ' | ')}</>;
  const union = s.oneOf ?? s.anyOf;
  // Shapes written out in place are listed below the type (SchemaBody); named ones are links here.
  if (union?.every((u) => u.properties)) return <>one of {union.length} shapes (below)</>;
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

/** A name or path that may break after each `.`, `/` or `]` on a narrow screen (code does not wrap otherwise). */
export function Breakable({ text }: { text: string }) {
  return (
    <>
      {text.split(/(?<=[./\]])/).map((part, i) => (
        <Fragment key={i}>
          {i ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** The schema whose fields or variants describe a value: itself, an array's items, a map's values; none behind a $ref (a link says it). */
function innerOf(s: JsonSchema): JsonSchema | undefined {
  if (s.$ref) return undefined;
  if (s.properties || s.oneOf || s.anyOf || s.allOf) return s;
  if (s.items) return innerOf(s.items);
  if (typeof s.additionalProperties === 'object') return innerOf(s.additionalProperties);
  return undefined;
}

/** Where the fields inside a value at `path` are named: `path.`, `path[].` for an array's items, `path{}.` for a map's values. */
function inside(path: string, s: JsonSchema): string {
  if (s.items) return inside(`${path}[]`, s.items);
  if (!s.properties && typeof s.additionalProperties === 'object') return inside(`${path}{}`, s.additionalProperties);
  return path ? `${path}.` : '';
}

/** The members of a union written out in place (named ones are links in the type already). */
const variantsOf = (s: JsonSchema) => (s.oneOf ?? s.anyOf ?? s.allOf ?? []).filter((u) => !u.$ref);

/** A variant of a union by what tells it apart: its first field with one possible value (`type` is "single"). */
function VariantName({ schema }: { schema: JsonSchema }) {
  const tag = Object.entries(schema.properties ?? {}).find(([, f]) => f.const !== undefined || f.enum?.length === 1);
  if (!tag) return <TypeName schema={schema} />;
  return (
    <>
      with <code>{tag[0]}</code> {literal(tag[1].const ?? tag[1].enum![0])}
    </>
  );
}

/**
 * An object's fields as one flat list, each named by its whole path (`choices[].text`), so that a deep schema
 * does not indent past a phone's width: each with its type, whether it is required and its description. A
 * field whose value is one of several shapes lists them below it, each with its own fields.
 */
function fieldLines(schema: JsonSchema, prefix: string): VNode[] {
  const required = new Set(schema.required ?? []);
  const lines: VNode[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = prefix + name;
    const inner = innerOf(field);
    const variants = inner && !inner.properties ? variantsOf(inner) : [];
    lines.push(
      <li key={path}>
        <code>
          <Breakable text={path} />
        </code>{' '}
        <span class="muted">{required.has(name) ? 'required' : 'optional'}</span>: <TypeName schema={field} />
        {field.description ? (
          <>
            {' — '}
            <Described text={field.description} />
          </>
        ) : null}
        {field.default !== undefined ? <> (default {literal(field.default)})</> : null}
        {variants.length ? <Variants schemas={variants} prefix={inside(path, field)} /> : null}
      </li>,
    );
    if (inner?.properties) lines.push(...fieldLines(inner, inside(path, field)));
  }
  if (schema.additionalProperties !== false)
    lines.push(
      <li key={`${prefix}…`} class="muted">
        other fields allowed{prefix ? ` in ${prefix.slice(0, -1)}` : ''}
      </li>,
    );
  return lines;
}

/** The shapes a value may have, each with its fields. */
function Variants({ schemas, prefix }: { schemas: JsonSchema[]; prefix: string }) {
  return (
    <ol>
      {schemas.map((v, i) => (
        <li key={i}>
          <VariantName schema={v} />
          {v.description ? (
            <>
              {' — '}
              <Described text={v.description} />
            </>
          ) : null}
          {v.properties ? <ul>{fieldLines(v, prefix)}</ul> : null}
        </li>
      ))}
    </ol>
  );
}

/** What there is to say below a schema's type: its fields, or the shapes it may have with theirs. */
export function SchemaBody({ schema }: { schema: JsonSchema }) {
  const inner = innerOf(schema);
  if (!inner) return null;
  const prefix = inside('', schema);
  if (inner.properties) return <ul>{fieldLines(inner, prefix)}</ul>;
  const variants = variantsOf(inner);
  return variants.length ? <Variants schemas={variants} prefix={prefix} /> : null;
}
