/** Polls a frame until it passes the test (ink-testing-library renders asynchronously); the screen is in the error. */
export async function waitFor(read: () => string, test: (frame: string) => boolean, ms = 20_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const f = read();
    if (test(f)) return f;
    if (Date.now() > end) throw new Error(`timed out; the screen shows:\n${f}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
