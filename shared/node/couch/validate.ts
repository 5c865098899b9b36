// The validation the team's CouchDB runs on every write, as `validate_doc_update` functions of a
// design document. The server is given each function's source text (Function.prototype.toString),
// so they are written in plain ECMAScript 5 without closures: CouchDB 3 may run an old
// SpiderMonkey, and nothing outside the function exists on the server.

/** What CouchDB passes as the writer. */
export interface UserContext {
  name: string | null;
  roles: string[];
}

/** The fields of a case document these functions look at. */
export interface CaseDocumentFields {
  _id: string;
  _deleted?: boolean;
  salesperson?: unknown;
}

/**
 * A user's database: a case is written only by its owner, the salesperson named in the case,
 * whose name must be the writer's CouchDB user name; a server admin may write anything. A
 * deletion needs the stored case to be the writer's, so no one deletes another's case.
 */
export function validateCaseOwner(newDoc: CaseDocumentFields, oldDoc: CaseDocumentFields | null, userCtx: UserContext): void {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  var writer = userCtx.name;
  if (oldDoc && !oldDoc._deleted && oldDoc.salesperson !== writer) {
    throw { forbidden: 'closer: case ' + newDoc._id + ' belongs to ' + JSON.stringify(oldDoc.salesperson) + '; ' + JSON.stringify(writer) + ' may not change or delete it' };
  }
  if (newDoc._deleted === true) return;
  if (typeof newDoc.salesperson !== 'string') {
    throw { forbidden: 'closer: document ' + newDoc._id + ' is not a case: it names no salesperson' };
  }
  if (newDoc.salesperson !== writer) {
    throw { forbidden: 'closer: case ' + newDoc._id + ' is ' + JSON.stringify(newDoc.salesperson) + "'s; " + JSON.stringify(writer) + ' may write only their own cases' };
  }
}

/** The team database: filled by the server's replications, which run as an admin; leads only read it. */
export function validateTeamWrite(_newDoc: CaseDocumentFields, _oldDoc: CaseDocumentFields | null, userCtx: UserContext): void {
  if (userCtx.roles.indexOf('_admin') === -1) {
    throw { forbidden: 'closer: the team database is written only by the server\'s replications of each salesperson\'s database' };
  }
}

/** The replications' filter: every document but the design documents goes to the team database. */
export function isCaseDocument(doc: CaseDocumentFields): boolean {
  return doc._id.indexOf('_design/') !== 0;
}

/** A function's source as the design document carries it. */
export function functionSource(validate: (...args: never[]) => unknown): string {
  return validate.toString();
}
