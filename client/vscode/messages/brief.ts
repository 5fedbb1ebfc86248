/** How long a message may be and still read in one glance (a notification, a line of the Problems panel). */
export const SHORT = 110;

/** The first sentence when the message is long, else the message; never cut in the middle of a word. */
export function brief(message: string): string {
  if (message.length <= SHORT) return message;
  const sentence = /^(.{20,}?[.!?])(\s|$)/.exec(message)?.[1];
  if (sentence && sentence.length <= SHORT + 40) return sentence;
  const cut = message.slice(0, SHORT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}
