// The team's users file for `closer team setup`: YAML, so the admin can comment it, read with the
// yaml package's document API so that every mistake is named by line and column.
//
//   users:
//     - name: alice              # the CouchDB user name; the cases she records carry it as salesperson
//       password: a-long-secret
//     - name: lin
//       passwordEnv: LIN_PASSWORD  # or the password in an environment variable, to keep it out of the file
//       role: lead               # a lead reads the team database (and may sell too)
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';

export const TEAM_ROLES = ['salesperson', 'lead'] as const;

const UserSchema = z
  .strictObject({
    name: z
      .string()
      .min(1, 'a user name is not empty')
      .refine((name) => !name.startsWith('_'), 'a CouchDB user name may not start with "_"')
      .refine((name) => !name.includes(':'), 'a CouchDB user name may not contain ":"'),
    password: z.string().min(1, 'a password is not empty').optional(),
    passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'the name of an environment variable, such as ALICE_PASSWORD').optional(),
    role: z.enum(TEAM_ROLES).optional(),
  })
  .refine((user) => (user.password === undefined) !== (user.passwordEnv === undefined), { message: 'give the user either "password" or "passwordEnv" (exactly one)' });

const UsersFileSchema = z.strictObject({ users: z.array(UserSchema).min(1, 'list at least one user') });

export interface TeamUser {
  name: string;
  password: string;
  lead: boolean;
}

export interface UsersFileProblem {
  line: number;
  column: number;
  message: string;
}

/** `file:line:col error message`, like a playbook's diagnostic. */
export function formatUsersFileProblem(file: string, problem: UsersFileProblem): string {
  return `${file}:${problem.line}:${problem.column} error ${problem.message}`;
}

/** The users of the file, or every problem found (then no user: setup must not run on half a list). */
export function parseUsersFile(text: string, env: Record<string, string | undefined>): { users: TeamUser[]; problems: UsersFileProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined, message: string): UsersFileProblem => {
    const position = lineCounter.linePos(offset ?? 0);
    return { line: position.line, column: position.col, message };
  };
  if (doc.errors.length > 0) return { users: [], problems: [at(doc.errors[0]!.pos[0], `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`)] };
  const data: unknown = doc.toJS();
  const parsed = UsersFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      users: [],
      problems: parsed.error.issues.map((issue) => {
        // An unknown key is named at the key itself; anything else at the value it concerns.
        const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
        const node = (issue.code === 'unrecognized_keys' ? keyNode(doc, issue.path, issue.keys[0]!) : doc.getIn(path as (string | number)[], true)) as { range?: [number, number, number] } | undefined;
        const where = path.length > 0 ? `${path.map(String).join('.')}: ` : '';
        const message = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}" (allowed: name, password, passwordEnv, role)` : issue.message;
        return at(node?.range?.[0] ?? nearestRange(doc, path), `${where}${message}`);
      }),
    };
  }
  const problems: UsersFileProblem[] = [];
  const users: TeamUser[] = [];
  const seen = new Set<string>();
  parsed.data.users.forEach((user, index) => {
    const node = (key: string) => (doc.getIn(['users', index, key], true) as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (seen.has(user.name)) problems.push(at(node('name'), `users.${index}.name: "${user.name}" is listed twice`));
    seen.add(user.name);
    const password = user.password ?? env[user.passwordEnv!];
    if (password === undefined || password === '') {
      problems.push(at(node('passwordEnv'), `users.${index}.passwordEnv: the environment variable ${user.passwordEnv} is not set (it holds ${user.name}'s password)`));
      return;
    }
    users.push({ name: user.name, password, lead: user.role === 'lead' });
  });
  return problems.length > 0 ? { users: [], problems } : { users, problems };
}

/** The key node of `key` in the mapping at `path`. */
function keyNode(doc: ReturnType<typeof parseDocument>, path: readonly PropertyKey[], key: string): unknown {
  const map = path.length === 0 ? doc.contents : doc.getIn(path as (string | number)[], true);
  return isMap(map) ? map.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key : undefined;
}

/** The start of the deepest node of the path that exists (a missing key is named at its parent). */
function nearestRange(doc: ReturnType<typeof parseDocument>, path: readonly PropertyKey[]): number {
  for (let length = path.length; length >= 0; length--) {
    const node = (length === 0 ? doc.contents : doc.getIn(path.slice(0, length) as (string | number)[], true)) as { range?: [number, number, number] } | null | undefined;
    if (node?.range) return node.range[0];
  }
  return 0;
}
