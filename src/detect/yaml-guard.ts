/**
 * The yaml parser recurses per nesting level; thousands of `[[[[` exhaust the stack, and V8 can then die
 * outright (a fatal error, not an exception) compiling its next regular expression. Real configuration
 * nests a few dozen levels at most, so deeper text is refused before any YAML parser sees it.
 */
export const MAX_FLOW_DEPTH = 256;

export function flowDepthExceeds(text: string, max = MAX_FLOW_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}
