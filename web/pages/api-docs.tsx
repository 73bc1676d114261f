// The API reference (`GET /api/docs`): the OpenAPI document as one server-rendered page in the site's
// layout. No script and no inline style, so it renders under the site's CSP; headings, tables with header
// cells and links between operations and schemas make it easy to move around by keyboard and screen reader.
import { Fragment, type ComponentChildren } from 'preact';
import { Breakable, Described, SchemaBody, schemaAnchor, TypeName, type JsonSchema } from './api-docs-schema.tsx';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface Operation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

/** The parts of an OpenAPI 3.1 document the reference shows. */
export interface ApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    securitySchemes?: Record<string, { type: string; scheme?: string; description?: string }>;
  };
}

/** Where the document itself is served, linked from the page. */
export const DOCUMENT_PATH = '/api/openapi.json';

const opAnchor = (op: Operation) => `op-${op.operationId}`;

/** Every operation with its method and path, grouped by its first tag, tags in the order they first appear. */
function byTag(doc: ApiDocument) {
  const groups = new Map<string, Array<{ method: string; path: string; op: Operation }>>();
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags?.[0] ?? 'Other';
      groups.set(tag, [...(groups.get(tag) ?? []), { method: method.toUpperCase(), path, op }]);
    }
  return [...groups];
}

/** Each media type of a body with its schema. */
function Bodies({ content }: { content: Record<string, { schema?: JsonSchema }> }) {
  return (
    <>
      {Object.entries(content).map(([type, { schema }], i) => (
        <span key={type}>
          {i ? '; ' : ''}
          <code>{type}</code>
          {schema ? (
            <>
              {': '}
              <TypeName schema={schema} />
            </>
          ) : null}
        </span>
      ))}
    </>
  );
}

/**
 * A cell, labelled for phones (the site's table turns each row into a card there, each cell a flex row of
 * its label and its content): the content is one element, so that text and code do not become columns.
 */
function Cell({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <td data-label={label}>
      <span>{children}</span>
    </td>
  );
}

function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
  const params = op.parameters ?? [];
  return (
    <section id={opAnchor(op)}>
      <h3>
        <code>
          {method} <Breakable text={path} />
        </code>
      </h3>
      <p>
        <Described text={op.summary} />
      </p>
      {op.description ? (
        <p>
          <Described text={op.description} />
        </p>
      ) : null}
      {op.security?.length ? (
        <p>
          Needs the <a href="#authentication">instructor token</a>.
        </p>
      ) : null}
      {params.length ? (
        <>
          <h4>Parameters</h4>
          <div class="table-wrap" tabIndex={0}>
            <table class="progress-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Type</th>
                  <th scope="col">What it is</th>
                </tr>
              </thead>
              <tbody>
                {params.map((p) => (
                  <tr key={`${p.in}:${p.name}`}>
                    <th scope="row">
                      <code>{p.name}</code>
                    </th>
                    <Cell label="In">
                      {p.in}
                      {p.required ? ', required' : ''}
                    </Cell>
                    <Cell label="Type">{p.schema ? <TypeName schema={p.schema} /> : null}</Cell>
                    <Cell label="What it is">
                      <Described text={p.description ?? p.schema?.description} />
                    </Cell>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {op.requestBody ? (
        <>
          <h4>Request body</h4>
          <p>
            {op.requestBody.required ? 'Required. ' : ''}
            <Bodies content={op.requestBody.content} />
          </p>
        </>
      ) : null}
      <h4>Responses</h4>
      <div class="table-wrap" tabIndex={0}>
        <table class="progress-table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">What it means</th>
              <th scope="col">Body</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(op.responses).map(([status, r]) => (
              <tr key={status}>
                <th scope="row">{status}</th>
                <Cell label="What it means">
                  <Described text={r.description} />
                </Cell>
                <Cell label="Body">{r.content ? <Bodies content={r.content} /> : 'none'}</Cell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The reference page: what the API is, its operations by resource, then every named schema. */
export function ApiDocsPage({ doc }: { doc: ApiDocument }) {
  const groups = byTag(doc);
  const schemas = Object.entries(doc.components?.schemas ?? {});
  const schemes = Object.entries(doc.components?.securitySchemes ?? {});
  return (
    <>
      <h1>{doc.info.title}</h1>
      <p class="lead">
        <Described text={doc.info.description} />
      </p>
      <p>
        Version {doc.info.version}. The same as an <a href={DOCUMENT_PATH}>OpenAPI {doc.openapi} document</a>, for tools and generated
        clients.
      </p>
      <nav aria-label="Contents">
        <h2>Contents</h2>
        <ul>
          {groups.map(([tag, ops]) => (
            <li key={tag}>
              {tag}
              <ul>
                {ops.map(({ method, path, op }) => (
                  <li key={op.operationId}>
                    <a href={`#${opAnchor(op)}`}>
                      <code>
                        {method} <Breakable text={path} />
                      </code>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#authentication">Authentication</a>
          </li>
          <li>
            <a href="#schemas">Schemas</a>
          </li>
        </ul>
      </nav>
      {groups.map(([tag, ops]) => (
        <section key={tag}>
          <h2>{tag}</h2>
          {ops.map((o) => (
            <OperationView key={o.op.operationId} {...o} />
          ))}
        </section>
      ))}
      <h2 id="authentication">Authentication</h2>
      <dl>
        {schemes.map(([name, s]) => (
          <Fragment key={name}>
            <dt>
              <code>{name}</code>: {s.type}
              {s.scheme ? ` ${s.scheme}` : ''}
            </dt>
            <dd>
              <Described text={s.description} />
            </dd>
          </Fragment>
        ))}
      </dl>
      <h2 id="schemas">Schemas</h2>
      {schemas.map(([name, schema]) => (
        <section key={name} id={schemaAnchor(name)}>
          <h3>{name}</h3>
          {schema.description ? (
            <p>
              <Described text={schema.description} />
            </p>
          ) : null}
          <p>
            Type: <TypeName schema={schema} />
          </p>
          <SchemaBody schema={schema} />
        </section>
      ))}
    </>
  );
}
