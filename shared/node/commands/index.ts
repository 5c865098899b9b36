import type { Command } from '../io.ts';

/** A command as the help lists it; its code is imported only when it runs, so a start stays quick. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every `closer` command, one file each. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'lint', summary: 'check playbooks and print every problem as file:line:col severity message', load: async () => (await import('./lint.ts')).lint },
  { name: 'build', summary: 'compile playbooks into one bundle (JSON) for the browser extension', load: async () => (await import('./build.ts')).build },
  { name: 'suggest', summary: 'recognise the intent of a customer message and rank the replies to send', load: async () => (await import('./suggest.ts')).suggest },
  { name: 'search', summary: 'search replies, principles, stories, steps and guides (Chinese, English, pinyin)', load: async () => (await import('./search.ts')).search },
  { name: 'followups', summary: 'list the follow-ups of the revisit plan due on a day over case files (JSON Lines), with why and the approved text', load: async () => (await import('./followups.ts')).followups },
  { name: 'report', summary: 'win/loss figures from case files (JSON Lines) or the team\'s CouchDB: by intent, reply, step, loss reason', load: async () => (await import('./report.ts')).report },
  { name: 'adapt', summary: "have a model adapt an approved reply to the customer's message, and show whether the gate lets it through", load: async () => (await import('./adapt.ts')).adapt },
  { name: 'keygen', summary: 'write a new Ed25519 key pair (NAME.key, NAME.pub) for signing bundles', load: async () => (await import('./keygen.ts')).keygen },
  { name: 'verify', summary: 'check that a bundle is intact and signed by the team key (exit 0), or say why not (exit 1)', load: async () => (await import('./verify.ts')).verify },
  { name: 'drill', summary: 'practise selling to a simulated customer from the playbooks, scored turn by turn', load: async () => (await import('./drill.ts')).drill },
  { name: 'team', summary: "team setup: create the team's CouchDB users, databases, validation, security and replications", load: async () => (await import('./team.ts')).team },
  { name: 'cases', summary: 'cases pull: write the cases of a CouchDB database (the team\'s) as JSON Lines', load: async () => (await import('./cases.ts')).cases },
];
