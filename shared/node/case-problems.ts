import { formatCaseProblem, type CaseProblem } from '../src/cases/case-line.ts';

const MAX_PROBLEMS_PER_FILE = 20;

/** Prints case-file problems, at most 20 a file, then how many more that file had. */
export function printCaseProblems(problems: readonly CaseProblem[], write: (text: string) => void): void {
  const perFile = new Map<string, number>();
  for (const problem of problems) {
    const shown = perFile.get(problem.file) ?? 0;
    perFile.set(problem.file, shown + 1);
    if (shown < MAX_PROBLEMS_PER_FILE) write(formatCaseProblem(problem) + '\n');
  }
  for (const [file, count] of perFile) {
    if (count > MAX_PROBLEMS_PER_FILE) write(`${file}: … and ${count - MAX_PROBLEMS_PER_FILE} more problem(s)\n`);
  }
}
