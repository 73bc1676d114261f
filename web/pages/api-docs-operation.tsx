// One operation of the API reference (./api-docs.tsx): its method and path, what it does, then its
// parameters, request body and responses, the tables labelled per cell so that phones show them as cards.
import type { ComponentChildren } from 'preact';
import { DataTable } from '../components/data-table.tsx';
import { Breakable, Described, TypeName, type JsonSchema } from './api-docs-schema.tsx';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

/** An operation of the OpenAPI document, as far as the reference shows it. */
export interface Operation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

/** The id of an operation's section on the page, for the contents' links to it. */
export const opAnchor = (op: Operation) => `op-${op.operationId}`;

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

/** An operation: its method and path, what it does, whether it needs the token, then its inputs and answers. */
export function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
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
      <Parameters params={op.parameters ?? []} />
      {op.requestBody ? <RequestBody body={op.requestBody} /> : null}
      <Responses responses={op.responses} />
    </section>
  );
}

/** The path and query parameters, one row each (nothing when there are none). */
function Parameters({ params }: { params: Parameter[] }) {
  if (!params.length) return null;
  return (
    <>
      <h4>Parameters</h4>
      {/* Focusable: no cell holds a link to tab to, so the keyboard scrolls the box itself on a phone. */}
      <DataTable class="progress-table" focusable columns={['Name', 'In', 'Type', 'What it is']}>
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
      </DataTable>
    </>
  );
}

/** The request body: whether it is required, and each media type with its schema. */
function RequestBody({ body }: { body: NonNullable<Operation['requestBody']> }) {
  return (
    <>
      <h4>Request body</h4>
      <p>
        {body.required ? 'Required. ' : ''}
        <Bodies content={body.content} />
      </p>
    </>
  );
}

/** Every status the operation answers with, what it means and its body. */
function Responses({ responses }: { responses: Operation['responses'] }) {
  return (
    <>
      <h4>Responses</h4>
      <DataTable class="progress-table" focusable columns={['Status', 'What it means', 'Body']}>
        {Object.entries(responses).map(([status, r]) => (
          <tr key={status}>
            <th scope="row">{status}</th>
            <Cell label="What it means">
              <Described text={r.description} />
            </Cell>
            <Cell label="Body">{r.content ? <Bodies content={r.content} /> : 'none'}</Cell>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
