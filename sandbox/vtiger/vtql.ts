/**
 * VTQL lexer and parser (reference §9.1, vtiger's VTQL_Lexer.php / VTQL_Parser.php).
 *
 *   SELECT ( * | count(*) | field [, field]* ) FROM Module
 *     [WHERE field op values ((AND|OR) field op values)*]
 *     [ORDER BY field [, field]* [ASC|DESC]] [LIMIT n | LIMIT offset, n] ;
 *
 * Tokens are produced lazily, so whichever comes first — a grammar error (QUERY_SYNTAX_ERROR) or a
 * character the lexer cannot read (double quotes, '' , 1.5: INTERNAL_SERVER_ERROR) — wins, as in vtiger.
 */
import { unknownError, WsError } from "./errors.ts";

export type Operator = "=" | "<" | ">" | "<=" | ">=" | "!=" | "IN" | "LIKE";

export interface VtqlValue {
  kind: "string" | "number" | "word";
  /** Unquoted text ('' unescaped for strings). */
  value: string;
  /** The token as written, quotes included (vtiger checks ids for an "x" in it). */
  raw: string;
}

export interface VtqlCondition {
  field: string;
  operator: Operator;
  values: VtqlValue[];
}

export interface VtqlQuery {
  module: string;
  select: { kind: "all" } | { kind: "count" } | { kind: "fields"; fields: string[] };
  /** Conditions joined left to right by `connectors` (AND binds tighter, as in the SQL vtiger builds). */
  where: { conditions: VtqlCondition[]; connectors: Array<"AND" | "OR"> } | null;
  /** The direction is written once, after the last field; in SQL it only applies to that field. */
  orderBy: { fields: string[]; direction: "ASC" | "DESC" | null } | null;
  limit: { offset: VtqlValue | null; count: VtqlValue } | null;
}

type TokenType = "word" | "string" | "number" | "(" | ")" | "," | "*" | "op" | ";" | "eof";

interface Token {
  type: TokenType;
  text: string;
}

/**
 * The lexer's pattern (VTQL_Lexer::yylex1): words, quoted strings, signed integers, punctuation,
 * operators, whitespace — tried in this order, so a lexeme starting with a digit is a word.
 * Sticky, with plain groups: matched in place, which keeps long IN (…) lists cheap to read.
 */
const TOKEN_PATTERN = /(\w+)|('(?:[^']|'')+')|([+-]?\d+)|([(),*;])|(<=|>=|!=|=|<|>)|([ \t\r\n]+)/y;
const GROUP_TYPES = ["word", "string", "number", "punct", "op", "space"] as const;

class Lexer {
  private index = 0;
  /** Text of the last lexeme read, whitespace included (vtiger's `$lex->value` in error messages). */
  last = "";

  constructor(private readonly input: string) {}

  next(): Token {
    for (;;) {
      if (this.index >= this.input.length) return { type: "eof", text: "0" };
      TOKEN_PATTERN.lastIndex = this.index;
      const match = TOKEN_PATTERN.exec(this.input);
      if (!match) throw unknownError();
      const text = match[0];
      this.index += text.length;
      this.last = text;
      const group = GROUP_TYPES[match.findIndex((value, i) => i > 0 && value !== undefined) - 1];
      if (group === "space") continue;
      if (group === "punct") return { type: text as TokenType, text };
      return { type: group ?? "eof", text };
    }
  }
}

const KEYWORD_TOKEN_NAMES: Record<string, string> = {
  select: "SELECT", from: "FRM", where: "WHERE", and: "LOGICAL_AND", or: "LOGICAL_OR", in: "IN", like: "LIKE",
  order: "ORDERBY", asc: "ASC", desc: "DESC", limit: "LIMIT", count: "COUNT",
};

const PUNCT_TOKEN_NAMES: Record<string, string> = {
  "(": "PARENOPEN", ")": "PARENCLOSE", ",": "COMMA", "*": "ASTERISK", ";": "SEMICOLON",
  "=": "EQ", "<": "LT", ">": "GT", "<=": "LTE", ">=": "GTE", "!=": "NE",
};

const OPERATOR_TOKENS = ["EQ", "LT", "GT", "LTE", "GTE", "NE", "IN", "LIKE"];

function tokenName(token: Token): string {
  if (token.type === "eof") return "End of Input";
  if (token.type === "string" || token.type === "number") return "VALUE";
  if (token.type === "word") return KEYWORD_TOKEN_NAMES[token.text.toLowerCase()] ?? "COLUMNNAME";
  return PUNCT_TOKEN_NAMES[token.text] ?? "Unknown";
}

class Parser {
  private readonly lexer: Lexer;
  private token: Token;

  constructor(input: string) {
    this.lexer = new Lexer(input);
    this.token = this.lexer.next();
  }

  parse(): VtqlQuery {
    this.keyword("select", ["SELECT"]);
    const select = this.selectList();
    this.keyword("from", ["FRM"]);
    const module = this.word(["TABLENAME"]);
    const where = this.isKeyword("where") ? this.whereClause() : null;
    const orderBy = this.isKeyword("order") ? this.orderClause() : null;
    const limit = this.isKeyword("limit") ? this.limitClause() : null;
    this.expect(";", ["SEMICOLON"]);
    if (this.token.type !== "eof") throw this.error(["$"]);
    return { module, select, where, orderBy, limit };
  }

  private selectList(): VtqlQuery["select"] {
    if (this.token.type === "*") {
      this.advance();
      return { kind: "all" };
    }
    if (this.isKeyword("count")) {
      this.advance();
      this.expect("(", ["PARENOPEN"]);
      this.expect("*", ["ASTERISK"]);
      this.expect(")", ["PARENCLOSE"]);
      return { kind: "count" };
    }
    if (this.token.type !== "word" || this.isKeyword("from")) throw this.error(["COLUMNNAME", "ASTERISK", "COUNT"]);
    const fields = [this.word(["COLUMNNAME"])];
    while (this.at(",")) {
      this.advance();
      fields.push(this.word(["COLUMNNAME"]));
    }
    if (!this.isKeyword("from")) throw this.error(["FRM", "COMMA"]);
    return { kind: "fields", fields };
  }

  private whereClause(): NonNullable<VtqlQuery["where"]> {
    this.advance();
    const conditions = [this.condition()];
    const connectors: Array<"AND" | "OR"> = [];
    while (this.isKeyword("and") || this.isKeyword("or")) {
      connectors.push(this.token.text.toUpperCase() as "AND" | "OR");
      this.advance();
      conditions.push(this.condition());
    }
    return { conditions, connectors };
  }

  private condition(): VtqlCondition {
    const field = this.word(["COLUMNNAME"]);
    let operator: Operator;
    if (this.token.type === "op") operator = this.token.text as Operator;
    else if (this.isKeyword("in") || this.isKeyword("like")) operator = this.token.text.toUpperCase() as Operator;
    else throw this.error(OPERATOR_TOKENS);
    this.advance();
    const parenthesized = this.token.type === "(";
    if (parenthesized) this.advance();
    const values = [this.value(parenthesized ? ["VALUE"] : ["PARENOPEN", "VALUE"])];
    while (this.at(",")) {
      this.advance();
      values.push(this.value(["VALUE"]));
    }
    if (parenthesized) this.expect(")", ["PARENCLOSE", "COMMA"]);
    return { field, operator, values };
  }

  private orderClause(): NonNullable<VtqlQuery["orderBy"]> {
    this.advance();
    if (!this.isKeyword("by")) throw this.error(["ORDERBY"]);
    this.advance();
    const fields = [this.word(["COLUMNNAME"])];
    while (this.at(",")) {
      this.advance();
      fields.push(this.word(["COLUMNNAME"]));
    }
    let direction: "ASC" | "DESC" | null = null;
    if (this.isKeyword("asc") || this.isKeyword("desc")) {
      direction = this.token.text.toUpperCase() as "ASC" | "DESC";
      this.advance();
    }
    return { fields, direction };
  }

  private limitClause(): NonNullable<VtqlQuery["limit"]> {
    this.advance();
    const first = this.value(["VALUE"]);
    if (!this.at(",")) return { offset: null, count: first };
    this.advance();
    return { offset: first, count: this.value(["VALUE"]) };
  }

  private value(expected: string[]): VtqlValue {
    const { type, text } = this.token;
    const reserved = type === "word" && ["and", "or", "order", "limit"].includes(text.toLowerCase());
    if ((type !== "string" && type !== "number" && type !== "word") || reserved) throw this.error(expected);
    this.advance();
    if (type === "string") return { kind: "string", value: text.slice(1, -1).replaceAll("''", "'"), raw: text };
    return { kind: type === "number" || /^\d+$/.test(text) ? "number" : "word", value: text, raw: text };
  }

  private word(expected: string[]): string {
    if (this.token.type !== "word") throw this.error(expected);
    const text = this.token.text;
    this.advance();
    return text;
  }

  private keyword(word: string, expected: string[]): void {
    if (!this.isKeyword(word)) throw this.error(expected);
    this.advance();
  }

  private isKeyword(word: string): boolean {
    return this.token.type === "word" && this.token.text.toLowerCase() === word;
  }

  private expect(type: TokenType, expected: string[]): void {
    if (this.token.type !== type) throw this.error(expected);
    this.advance();
  }

  /** A method, so type narrowing does not survive advance(). */
  private at(type: TokenType): boolean {
    return this.token.type === type;
  }

  private advance(): void {
    this.token = this.lexer.next();
  }

  /** VTQL_Parser::yy_syntax_error's message. */
  private error(expected: string[]): WsError {
    const unexpected = `${tokenName(this.token)}(${this.token.text})`;
    return new WsError(
      "QUERY_SYNTAX_ERROR",
      `Syntax Error on line 1: token '${this.lexer.last}' Unexpected ${unexpected}, expected one of: ${expected.join(",")}`,
    );
  }
}

export function parseVtql(query: string): VtqlQuery {
  return new Parser(query).parse();
}

/** vtws_query finds the module with this regex before parsing anything. */
export function moduleOfQuery(query: string): string | undefined {
  return /[fF][rR][oO][mM]\s+([^\s;]+)/.exec(query)?.[1];
}
