// One reply as the engine suggests it: its own file, so the ladder's offer (ladder.ts) can be one
// without importing the suggestion code that imports the ladder.
export interface SuggestedReply {
  id: string;
  label: string;
  /** Ready to insert: variables filled. */
  text: string;
  playbook: string;
  file: string;
  line: number;
  score: number;
  /** One line a salesperson can read at a glance: why this reply is here. */
  why: string;
  /** Variables that had no value and no default. */
  missing: string[];
  /** Already used in this conversation (such replies always come after the unused ones). */
  used: boolean;
  /** Set when this reply offers a rung of the product ladder (the lower rung for a customer with little to spend). */
  rung?: string;
}
