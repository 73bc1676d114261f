/**
 * Every key under `prefix` with its metadata, following the list cursor page by page (1000 keys a page): one
 * `list()` per page. The one place a KV listing is paged; the stores read through it.
 */
export async function listAll<M = unknown>(kv: KVNamespace, prefix: string): Promise<Array<KVNamespaceListKey<M>>> {
  const out: Array<KVNamespaceListKey<M>> = [];
  let cursor: string | undefined;
  do {
    const page: KVNamespaceListResult<M> = await kv.list<M>({ prefix, ...(cursor ? { cursor } : {}) });
    out.push(...page.keys);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}

/** Every key name under `prefix` (listAll's names). */
export async function listAllKeys(kv: KVNamespace, prefix: string): Promise<string[]> {
  return (await listAll(kv, prefix)).map((k) => k.name);
}
