// The validation the team's CouchDB runs on every write (`validate_doc_update` functions of a
// design document) and the filter of its replications. The server is given source text, so the
// functions are kept here as that very text: a compiler never reformats them, so a second
// `closer team setup` (or one from another build of Closer) finds them unchanged. They are plain
// ECMAScript 5 with nothing from outside, since CouchDB 3 may run an old SpiderMonkey in a bare
// sandbox. test/unit/couch-validate.test.ts compiles the same text and calls it as a function.

/**
 * A user's database: a case is written only by its owner, the salesperson named in the case,
 * whose name must be the writer's CouchDB user name; a server admin may write anything. A
 * deletion needs the stored case to be the writer's, so no one deletes another's case.
 */
export const VALIDATE_CASE_OWNER = `function (newDoc, oldDoc, userCtx) {
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
}`;

/** The team database: filled by the server's replications, which run as an admin; leads only read it. */
export const VALIDATE_TEAM_WRITE = `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') === -1) {
    throw { forbidden: "closer: the team database is written only by the server's replications of each salesperson's database" };
  }
}`;

/** The replications' filter: every document but the design documents goes to the team database. */
export const IS_CASE_DOCUMENT = `function (doc) {
  return doc._id.indexOf('_design/') !== 0;
}`;
