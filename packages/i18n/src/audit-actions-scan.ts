/**
 * Finds the audit action codes a source file writes: the string literals of the `action:` property
 * inside each `recordAudit(...)` call (both branches of a conditional count). Used by the test that
 * keeps the audit log's labels complete; a call whose action is computed (a variable, a template
 * literal) is reported as unreadable, since its codes cannot be checked.
 */
export function auditActionsIn(source: string): { codes: { code: string; line: number }[]; unreadable: number[] } {
  const codes: { code: string; line: number }[] = [];
  const unreadable: number[] = [];
  const lineAt = (index: number) => source.slice(0, index).split("\n").length;
  for (const call of source.matchAll(/\brecordAudit\s*\(/g)) {
    const start = call.index + call[0].length;
    const body = source.slice(start, closingParen(source, start));
    const action = /\baction\s*:/.exec(blankStringsAndComments(body));
    const literals = action ? [...topLevelExpression(body, action.index + action[0].length).matchAll(/"([^"\\]*)"|'([^'\\]*)'/g)] : [];
    const found = literals.map((m) => m[1] ?? m[2]!).filter((text) => /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/.test(text));
    if (action && found.length === 0) unreadable.push(lineAt(call.index));
    for (const code of found) codes.push({ code, line: lineAt(call.index) });
  }
  return { codes, unreadable };
}

/** The same text with the inside of strings and comments replaced by spaces (offsets unchanged). */
function blankStringsAndComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const end = skipStringOrComment(text, i);
    if (end === i) out += text[i++];
    else {
      out += text[i] + " ".repeat(end - i - 1);
      i = end;
    }
  }
  return out;
}

/** If a string or comment starts at `i`, the index just after it; otherwise `i`. */
function skipStringOrComment(text: string, i: number): number {
  const c = text[i];
  if (c === "/" && text[i + 1] === "/") return text.indexOf("\n", i) === -1 ? text.length : text.indexOf("\n", i);
  if (c === "/" && text[i + 1] === "*") return text.indexOf("*/", i + 2) === -1 ? text.length : text.indexOf("*/", i + 2) + 2;
  if (c === '"' || c === "'" || c === "`") {
    let j = i + 1;
    while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
    return j + 1;
  }
  return i;
}

/** The index of the parenthesis closing the call whose arguments start at `start`. */
function closingParen(text: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < text.length) {
    const end = skipStringOrComment(text, i);
    if (end !== i) {
      i = end;
      continue;
    }
    if (text[i] === "(") depth++;
    if (text[i] === ")" && --depth === 0) return i;
    i++;
  }
  return text.length;
}

/** The expression starting at `start`, up to the next comma or closing brace at its own level. */
function topLevelExpression(text: string, start: number): string {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const end = skipStringOrComment(text, i);
    if (end !== i) {
      i = end;
      continue;
    }
    const c = text[i]!;
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (c === "," && depth === 0) break;
    i++;
  }
  return text.slice(start, i);
}
