// What the preview and the playground show, computed by the core in the extension host; the
// webview only draws it. Shared by both sides, so it holds types and plain data only.
export interface PreviewReply {
  id: string;
  label: string;
  /** The reply as the salesperson would insert it, variables filled with their defaults. */
  text: string;
  missing: string[];
  line: number;
}

export interface PreviewSection {
  id: string;
  title: string;
  /** The intent of an objection, or the goal of a step. */
  tag: string;
  note: string;
  line: number;
  replies: PreviewReply[];
}

export interface PreviewModel {
  file: string;
  title: string;
  problems: { errors: number; warnings: number };
  objections: PreviewSection[];
  steps: PreviewSection[];
  stories: { id: string; title: string; text: string; line: number }[];
  /** Replies not tied to an objection or a step. */
  replies: PreviewReply[];
  /** Set when the playbook cannot be shown, e.g. while its YAML is broken. */
  unreadable?: string;
}

export interface TryResult {
  message: string;
  intent: string;
  intents: { intent: string; score: number; keyword?: string; example?: string; source?: 'team' | 'base'; objection?: string }[];
  step: string | null;
  nextStep: string | null;
  /** Why the chat is in that step, in the method's words. */
  stepWhy?: string;
  /** The intent has no objection in these playbooks: the method's principle for it instead. */
  uncovered?: { intent: string; principle: string };
  replies: { id: string; label: string; text: string; score: number; why: string; file: string; line: number; playbook: string }[];
  stories: { id: string; title: string; text: string; score: number; file: string; line: number }[];
}

/** Messages from the extension to the webview. */
export type ToWebview =
  | { type: 'playbook'; model: PreviewModel; labels: Record<string, string> }
  | { type: 'result'; result: TryResult };
