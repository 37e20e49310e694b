#!/usr/bin/env node
/**
 * Checks that the PrestaShop module (and its PHP tests) stay valid on PHP 5.6 and 8.x:
 *
 *   1. `php -l` on every PHP file (the installed PHP, 8.x in CI);
 *   2. the npm `php-parser` in PHP 5.6 mode (`parser.version: "5.6"`): refuses ??, <=>, ?->, fn,
 *      match, named arguments, spread in arrays, trailing commas in calls, yield from…;
 *   3. a walk of that AST for what php-parser 3.7 still accepts in 5.6 mode but PHP 5.6 does not:
 *      scalar/nullable/union parameter types, return types, typed properties, class-constant
 *      visibility, multi-catch, catch without variable, anonymous classes, [..] destructuring and keyed
 *      list(), declare(strict_types), group use, "\u{…}", 1_000, $object::class, (function () {})();
 *   4. calls to functions (and uses of constants) that PHP 5.6 lacks, unless the same file checks
 *      function_exists('name') / defined('NAME');
 *   5. PrestaShop conventions: an index.php in every module folder, and the _PS_VERSION_ guard at the
 *      top of every module PHP file.
 *
 * Usage: node prestashop-module/check-syntax.mjs   (PHP_BIN to use another php; exit 1 with file:line
 * on any problem).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Engine from "php-parser";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(here);
const moduleDir = join(here, "vtigercrmconnector");
const php = process.env.PHP_BIN ?? "php";

/** Functions PHP 5.6 doesn't have (7.0 → 8.4), lower case. */
const NEWER_FUNCTIONS = new Set([
  "random_bytes", "random_int", "intdiv", "preg_replace_callback_array", "error_clear_last", "gc_mem_caches",
  "get_resources", "is_iterable", "session_create_id", "is_countable", "array_key_first", "array_key_last",
  "hrtime", "net_get_interfaces", "mb_str_split", "password_algos", "get_mangled_object_vars", "str_contains",
  "str_starts_with", "str_ends_with", "fdiv", "get_debug_type", "get_resource_id", "preg_last_error_msg",
  "array_is_list", "fsync", "fdatasync", "json_validate", "mb_str_pad", "str_increment", "str_decrement",
  "array_find", "array_find_key", "array_any", "array_all", "http_get_last_response_headers",
  "http_clear_last_response_headers", "spl_object_id", "mb_trim", "mb_ltrim", "mb_rtrim", "mb_ucfirst", "mb_lcfirst",
]);
/** Constants PHP 5.6 doesn't have. */
const NEWER_CONSTANTS = new Set([
  "PHP_INT_MIN", "PHP_FLOAT_EPSILON", "PHP_FLOAT_MAX", "PHP_FLOAT_MIN", "PHP_FLOAT_DIG", "PHP_OS_FAMILY",
  "JSON_THROW_ON_ERROR", "JSON_INVALID_UTF8_IGNORE", "JSON_INVALID_UTF8_SUBSTITUTE", "JSON_UNESCAPED_LINE_TERMINATORS",
  "PASSWORD_ARGON2I", "PASSWORD_ARGON2ID", "MB_CASE_FOLD", "CURLOPT_PROTOCOLS_STR",
]);
/** Type declarations PHP 5.6 accepts besides class names. */
const OLD_TYPES = new Set(["array", "callable", "self"]);

const problems = [];
const report = (file, line, message) => problems.push(`${relative(repoRoot, file)}:${line ?? 1}: ${message}`);

function walkFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "out") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walkFiles(path, out);
    else if (name.endsWith(".php")) out.push(path);
  }
  return out;
}

function walkDirs(dir, out = [dir]) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      out.push(path);
      walkDirs(path, out);
    }
  }
  return out;
}

// 1. php -l
const files = walkFiles(here).sort();
const version = spawnSync(php, ["-r", "echo PHP_VERSION;"], { encoding: "utf8" });
if (version.error || version.status !== 0) {
  console.error(`PHP CLI not found ("${php}"): install php-cli (apt-get install -y php-cli) or set PHP_BIN.`);
  process.exit(1);
}
for (const file of files) {
  const lint = spawnSync(php, ["-d", "display_errors=1", "-l", file], { encoding: "utf8" });
  if (lint.status !== 0) {
    const text = `${lint.stdout}\n${lint.stderr}`;
    const match = /(?:Parse|Fatal) error:\s*(.*?) in .*? on line (\d+)/.exec(text);
    report(file, match ? Number(match[2]) : 1, `php -l (PHP ${version.stdout}): ${match ? match[1] : text.trim()}`);
  }
}

// 2 + 3 + 4. php-parser in PHP 5.6 mode, then the AST walk.
const parser = new Engine({
  parser: { php7: false, version: "5.6", extractDoc: false, suppressErrors: false },
  ast: { withPositions: true },
  lexer: { short_tags: false, asp_tags: false },
});

function lineOf(node) {
  return node?.loc?.start?.line ?? 1;
}

function checkTypes(file, node, what) {
  const type = node.type;
  if (!type) return;
  if (node.nullable) report(file, lineOf(node), `nullable type ?${type.name ?? ""} on ${what} needs PHP 7.1`);
  if (type.kind === "uniontype" || type.kind === "intersectiontype") report(file, lineOf(node), `${type.kind} on ${what} needs PHP 8`);
  else if (type.kind === "typereference" && !OLD_TYPES.has(String(type.name).toLowerCase()))
    report(file, lineOf(node), `scalar type "${type.raw ?? type.name}" on ${what} needs PHP 7`);
}

function visit(file, source, node, parent) {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) visit(file, source, child, parent);
    return;
  }
  if (typeof node.kind === "string") {
    const line = lineOf(node);
    switch (node.kind) {
      case "function":
      case "method":
      case "closure":
        if (node.type) report(file, line, `return type on ${node.kind} ${node.name?.name ?? ""} needs PHP 7`);
        for (const argument of node.arguments ?? []) checkTypes(file, argument, `parameter $${argument.name?.name ?? "?"}`);
        break;
      case "arrowfunc":
        report(file, line, "arrow function (fn) needs PHP 7.4");
        break;
      case "property":
        if (node.type) report(file, line, `typed property $${node.name?.name ?? ""} needs PHP 7.4`);
        if (node.readonly) report(file, line, "readonly property needs PHP 8.1");
        break;
      case "classconstant":
        if (node.visibility) report(file, line, `visibility on a class constant needs PHP 7.1`);
        break;
      case "catch":
        if ((node.what ?? []).length > 1) report(file, line, "multi-catch (A | B) needs PHP 7.1");
        if (!node.variable) report(file, line, "catch without a variable needs PHP 8");
        break;
      case "new":
        if (node.what?.kind === "class" && node.what.isAnonymous) report(file, line, "anonymous class needs PHP 7");
        break;
      case "list":
        if (node.shortForm) report(file, line, "[...] destructuring needs PHP 7.1: use list()");
        if ((node.items ?? []).some((item) => item?.key)) report(file, line, "list() with keys needs PHP 7.1");
        break;
      case "declare":
        for (const directive of node.directives ?? [])
          if (directive.key?.name === "strict_types") report(file, line, "declare(strict_types) needs PHP 7");
        break;
      case "usegroup":
        if ((node.items ?? []).length > 0 && node.name && source.slice(node.loc.start.offset, node.loc.end.offset).includes("{"))
          report(file, line, "group use needs PHP 7");
        break;
      case "string":
        if (node.isDoubleQuote && /\\u\{/.test(node.raw ?? "")) report(file, line, '"\\u{...}" escape needs PHP 7');
        break;
      case "number":
        if (String(node.value).includes("_")) report(file, line, "numeric separator needs PHP 7.4");
        break;
      case "staticlookup":
        if (node.offset?.kind === "identifier" && node.offset.name === "class" && node.what?.kind !== "name" && node.what?.kind !== "selfreference" && node.what?.kind !== "staticreference" && node.what?.kind !== "parentreference")
          report(file, line, "$object::class needs PHP 8");
        break;
      case "nullsafepropertylookup":
        report(file, line, "?-> needs PHP 8");
        break;
      case "match":
        report(file, line, "match needs PHP 8");
        break;
      case "enum":
        report(file, line, "enum needs PHP 8.1");
        break;
      case "attrgroup":
        report(file, line, "attributes need PHP 8");
        break;
      case "call": {
        if (node.what?.kind === "closure" || node.what?.kind === "parenthesis") report(file, line, "calling (expression)() directly needs PHP 7");
        if (node.what?.kind === "name") {
          const name = String(node.what.name).replace(/^\\/, "").toLowerCase();
          if (NEWER_FUNCTIONS.has(name) && !new RegExp(`function_exists\\(\\s*['"]\\\\?${name}['"]`, "i").test(source))
            report(file, line, `${name}() does not exist on PHP 5.6 (guard it with function_exists('${name}'))`);
        }
        break;
      }
      case "name": {
        const name = String(node.name).replace(/^\\/, "");
        if (parent?.kind !== "call" && NEWER_CONSTANTS.has(name) && !new RegExp(`defined\\(\\s*['"]${name}['"]`).test(source))
          report(file, line, `constant ${name} does not exist on PHP 5.6 (guard it with defined('${name}'))`);
        break;
      }
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc" || key === "leadingComments" || key === "trailingComments") continue;
    if (value && typeof value === "object") visit(file, source, value, node);
  }
}

for (const file of files) {
  const source = readFileSync(file, "utf8");
  let ast;
  try {
    ast = parser.parseCode(source, file);
  } catch (error) {
    const line = error.lineNumber ?? /on line (\d+)/.exec(String(error.message))?.[1];
    report(file, line, `php-parser (PHP 5.6 mode): ${String(error.message).replace(/ on line \d+$/, "")}`);
    continue;
  }
  visit(file, source, ast, null);
}

// 5. PrestaShop conventions inside the module folder.
for (const dir of walkDirs(moduleDir)) {
  try {
    statSync(join(dir, "index.php"));
  } catch {
    report(join(dir, "index.php"), 1, "missing index.php (PrestaShop: every module folder has one)");
  }
}
for (const file of files.filter((f) => f.startsWith(moduleDir) && !f.endsWith("index.php"))) {
  const head = readFileSync(file, "utf8").slice(0, 2000);
  if (!/if \(!defined\('_PS_VERSION_'\)\) \{\s*exit;\s*\}/.test(head)) report(file, 1, "missing the `if (!defined('_PS_VERSION_')) { exit; }` guard at the top");
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`\n${problems.length} problem(s) in ${files.length} PHP files.`);
  process.exit(1);
}
console.log(`OK: ${files.length} PHP files pass php -l (PHP ${version.stdout}) and parse as PHP 5.6 without newer features.`);
