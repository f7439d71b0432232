// What a useCall answer depends on, as one string: the channel, the input by value, and the
// library's generation (so every answer is asked again after an import, a restore or a change by
// the CLI — a caller cannot forget it), plus an optional refresh token the caller moves itself
// (after its own save). null = nothing to ask.

export function callKey(channel: string, input: unknown, generation: number, refresh?: number): string | null {
  if (input === null) return null;
  return JSON.stringify([channel, input ?? {}, generation, refresh ?? null]);
}
