import { CONDITION_LIMITS } from "./condition.ts";

/**
 * Why a "matches" pattern is refused, or undefined when it is usable. Patterns run in the
 * platform's own process for every person, so besides being valid they must not backtrack
 * catastrophically: a quantified group that itself contains a quantifier ((a+)+, (\w*)*,
 * (a|ab)+ ...) is refused, and the length is bounded.
 */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > CONDITION_LIMITS.patternLength) return `the pattern is longer than ${CONDITION_LIMITS.patternLength} characters`;
  try {
    new RegExp(pattern, "u");
  } catch (error) {
    return `the pattern is not a valid regular expression: ${(error as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return "back-references are not allowed in patterns";
  // Walk the groups: a group holding a quantifier or an alternation, quantified itself, is refused.
  const stack: { quantified: boolean }[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === "\\") {
      index++;
      continue;
    }
    if (char === "[") {
      // Skip a character class; quantifiers inside it are literal.
      while (index < pattern.length && pattern[index] !== "]") index += pattern[index] === "\\" ? 2 : 1;
      continue;
    }
    if (char === "(") stack.push({ quantified: false });
    else if ("*+?{|".includes(char!) && stack.length > 0) stack[stack.length - 1]!.quantified = true;
    else if (char === ")") {
      const group = stack.pop();
      const next = pattern[index + 1];
      const groupQuantified = next === "*" || next === "+" || next === "{";
      if (group?.quantified && groupQuantified) return "the pattern repeats a group that itself repeats or alternates (like (a+)+), which can take very long: simplify it";
      if (group?.quantified && stack.length > 0) stack[stack.length - 1]!.quantified = true;
    }
  }
  return undefined;
}
