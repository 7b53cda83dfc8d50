/**
 * What an app does to the world, counted: the apps of the exactly-once tests write rows, ask a
 * model and run branches through one of these. It lives outside the app, as a database or a
 * model's API does, so a cold isolate (a new app per request) writes to the same one.
 */
let worlds = 0;

export class World {
  /** which world this is (in this process) */
  readonly id = ++worlds;
  /** rows written, in order */
  readonly rows: unknown[] = [];
  /** prompts the model was asked, in order */
  readonly asked: string[] = [];
  /** how many times each named branch ran */
  readonly ran: Record<string, number> = {};

  write(row: unknown): void {
    this.rows.push(row);
  }

  branch(name: string): void {
    this.ran[name] = (this.ran[name] ?? 0) + 1;
  }

  /** A stand-in model: answers a prompt a word at a time, and counts the call when the answer starts. */
  async *model(prompt: string): AsyncGenerator<string> {
    this.asked.push(prompt);
    for (const word of `You said ${prompt}.`.split(" ")) {
      await Promise.resolve();
      yield word + " ";
    }
  }

  /** Everything counted, to compare one world with another. */
  counts() {
    return { rows: this.rows, asked: this.asked, ran: this.ran };
  }
}
