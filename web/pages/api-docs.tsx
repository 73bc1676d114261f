// The API reference (`GET /api/docs`): the OpenAPI document as one server-rendered page in the site's
// layout. No script and no inline style, so it renders under the site's CSP; headings, tables with header
// cells and links between operations and schemas make it easy to move around by keyboard and screen reader.
import { Fragment } from 'preact';
import { Breakable, Described, SchemaBody, schemaAnchor, TypeName, type JsonSchema } from './api-docs-schema.tsx';
import { opAnchor, OperationView, type Operation } from './api-docs-operation.tsx';

interface SecurityScheme {
  type: string;
  scheme?: string;
  description?: string;
}

/** The parts of an OpenAPI 3.1 document the reference shows. */
export interface ApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    securitySchemes?: Record<string, SecurityScheme>;
  };
}

/** Where the document itself is served, linked from the page. */
export const DOCUMENT_PATH = '/api/openapi.json';

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

type Groups = ReturnType<typeof byTag>;

/** The reference page: what the API is, its operations by resource, then every named schema. */
export function ApiDocsPage({ doc }: { doc: ApiDocument }) {
  const groups = byTag(doc);
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
      <Contents groups={groups} />
      <OperationsByTag groups={groups} />
      <Authentication schemes={doc.components?.securitySchemes ?? {}} />
      <Schemas schemas={doc.components?.schemas ?? {}} />
    </>
  );
}

/** The table of contents: each tag with links to its operations, then authentication and the schemas. */
function Contents({ groups }: { groups: Groups }) {
  return (
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
  );
}

/** One section per tag, with its operations in the order the document lists them. */
function OperationsByTag({ groups }: { groups: Groups }) {
  return (
    <>
      {groups.map(([tag, ops]) => (
        <section key={tag}>
          <h2>{tag}</h2>
          {ops.map((o) => (
            <OperationView key={o.op.operationId} {...o} />
          ))}
        </section>
      ))}
    </>
  );
}

/** The security schemes: how a client authenticates where an operation needs it. */
function Authentication({ schemes }: { schemes: Record<string, SecurityScheme> }) {
  return (
    <>
      <h2 id="authentication">Authentication</h2>
      <dl>
        {Object.entries(schemes).map(([name, s]) => (
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
    </>
  );
}

/** Every named schema in its own section, the target of the links in types. */
function Schemas({ schemas }: { schemas: Record<string, JsonSchema> }) {
  return (
    <>
      <h2 id="schemas">Schemas</h2>
      {Object.entries(schemas).map(([name, schema]) => (
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
