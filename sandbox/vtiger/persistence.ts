/** Optional JSON file persistence of the sandbox's data (not sessions, not knobs), saved debounced. */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { StoreSnapshot } from "./store.ts";

const SAVE_DELAY_MS = 200;

export class Persistence {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => StoreSnapshot,
  ) {}

  load(): StoreSnapshot | undefined {
    return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, "utf8")) as StoreSnapshot) : undefined;
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      try {
        this.flush();
      } catch (error) {
        console.error("[vtiger sandbox] could not save the state file", error);
      }
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Write now (atomically: a reader never sees half a file). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.snapshot()));
    renameSync(temporary, this.file);
  }

  /** Pending changes are written on close. */
  close(): void {
    if (this.timer) this.flush();
  }
}
