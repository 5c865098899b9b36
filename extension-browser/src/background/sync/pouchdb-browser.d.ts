// The part of PouchDB's API this folder uses, typed here because @types/pouchdb is not a
// dependency (its types cover far more than the worker needs).
declare module 'pouchdb-browser' {
  namespace PouchDB {
    interface Meta {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
      _conflicts?: string[];
      _deleted_conflicts?: string[];
    }
    type Doc<T> = T & Meta;
    interface Response { ok: boolean; id: string; rev: string }
    interface BulkError { error: string; id?: string; name?: string; message?: string; reason?: string; status?: number }
    interface Row<T> { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Doc<T> | null; error?: string }
    interface ChangesResult {
      results: { id: string; seq: number | string; changes: { rev: string }[]; deleted?: boolean; doc?: Doc<object> }[];
      last_seq: number | string;
    }
    interface ReplicationResult {
      ok: boolean;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
      errors: BulkError[];
      last_seq: number | string;
      status: string;
    }
    interface ReplicationChange { docs_read: number; docs_written: number; doc_write_failures: number; docs: Doc<object>[]; last_seq: number | string }
    interface Replication extends Promise<ReplicationResult> {
      on(event: 'change', listener: (info: ReplicationChange) => void): this;
      on(event: 'denied', listener: (error: BulkError) => void): this;
      cancel(): void;
    }
    interface ReplicateOptions { batch_size?: number; batches_limit?: number; retry?: boolean }
    interface Options {
      adapter?: string;
      auto_compaction?: boolean;
      skip_setup?: boolean;
      auth?: { username: string; password: string };
      headers?: Record<string, string>;
      fetch?: (url: string | Request, init?: RequestInit) => Promise<globalThis.Response>;
    }
    interface Database<T extends object = object> {
      name: string;
      get(id: string, options?: { rev?: string; conflicts?: boolean; deleted_conflicts?: boolean; revs?: boolean }): Promise<Doc<T>>;
      put(doc: Doc<T> | Doc<object>): Promise<Response>;
      bulkDocs(docs: Doc<T>[]): Promise<(Response | BulkError)[]>;
      allDocs(options: { include_docs?: boolean; keys?: string[]; startkey?: string; endkey?: string; limit?: number; conflicts?: boolean }): Promise<{ total_rows: number; rows: Row<T>[] }>;
      changes(options: { since?: number | string; limit?: number; style?: 'all_docs' | 'main_only'; return_docs?: boolean; include_docs?: boolean }): Promise<ChangesResult>;
      info(): Promise<{ doc_count: number; update_seq: number | string }>;
      close(): Promise<void>;
      destroy(): Promise<void>;
      replicate: {
        to(target: Database<object>, options?: ReplicateOptions): Replication;
        from(source: Database<object>, options?: ReplicateOptions): Replication;
      };
    }
  }
  interface PouchDBConstructor {
    new <T extends object = object>(name: string, options?: PouchDB.Options): PouchDB.Database<T>;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
}
