import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Every page and API route of the app, derived from the files in app/ (route groups removed). */
export function appRoutes(): { pages: string[]; apis: string[] } {
  const pages: string[] = [];
  const apis: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/^(page|route)\.tsx?$/.test(name)) {
        const rel = path.relative("app", path.dirname(full)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        const url = "/" + rel.map((s) => s.replace(/^\[\.*(\w+)\]$/, "sample-$1")).join("/");
        (name.startsWith("page") ? pages : apis).push(url);
      }
    }
  };
  walk("app");
  return { pages, apis };
}
