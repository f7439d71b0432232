// A file name safe to show: control characters (which move the cursor or recolour a terminal) and
// bidirectional overrides (which make "gpj.exe" read as "exe.jpg") are shown as \uXXXX escapes.
// Defined once here for every face: the CLI's reports, API error messages and the UI.

export function printableName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same for a message that may name files: line breaks and tabs kept, other controls escaped. */
export function printableText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
