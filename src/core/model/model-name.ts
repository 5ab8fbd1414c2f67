/** Longest name a saved model may have, in characters. */
export const MAX_MODEL_NAME_LENGTH = 60;

/**
 * A model name as typed, trimmed and checked.
 * @throws Error naming the rule broken: empty, over MAX_MODEL_NAME_LENGTH characters, or holding
 *   control characters.
 */
export function validateModelName(typed: string): string {
  const name = typed.trim();
  if (name === '') throw new Error('a model name must not be empty');
  if ([...name].length > MAX_MODEL_NAME_LENGTH) throw new Error(`a model name may have at most ${MAX_MODEL_NAME_LENGTH} characters, got ${[...name].length}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new Error('a model name must not contain control characters (tabs, line breaks)');
  return name;
}
