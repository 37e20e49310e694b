import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVtigerSandbox, type VtigerSandbox } from "./server.ts";
import { TestClient } from "./test-client.ts";
import { parseVtql } from "./vtql.ts";

describe("parseVtql", () => {
  it("parses the whole grammar", () => {
    expect(
      parseVtql(
        "select firstname, lastname from Leads where email = 'a@b.c' and lastname in ('O''Brien', 'X') or id = '10x1' " +
          "order by lastname, firstname desc limit 10, 20;",
      ),
    ).toEqual({
      module: "Leads",
      select: { kind: "fields", fields: ["firstname", "lastname"] },
      where: {
        conditions: [
          { field: "email", operator: "=", values: [{ kind: "string", value: "a@b.c", raw: "'a@b.c'" }] },
          {
            field: "lastname",
            operator: "IN",
            values: [
              { kind: "string", value: "O'Brien", raw: "'O''Brien'" },
              { kind: "string", value: "X", raw: "'X'" },
            ],
          },
          { field: "id", operator: "=", values: [{ kind: "string", value: "10x1", raw: "'10x1'" }] },
        ],
        connectors: ["AND", "OR"],
      },
      orderBy: { fields: ["lastname", "firstname"], direction: "DESC" },
      limit: { offset: { kind: "number", value: "10", raw: "10" }, count: { kind: "number", value: "20", raw: "20" } },
    });
    expect(parseVtql("SELECT count(*) FROM Accounts;").select).toEqual({ kind: "count" });
  });

  const syntaxError = (query: string) => {
    try {
      parseVtql(query);
    } catch (error) {
      return error as { code: string; message: string };
    }
    throw new Error(`no error for ${query}`);
  };

  it("requires exactly one trailing semicolon", () => {
    expect(syntaxError("SELECT * FROM Leads")).toMatchObject({
      code: "QUERY_SYNTAX_ERROR",
      message: "Syntax Error on line 1: token 'Leads' Unexpected End of Input(0), expected one of: SEMICOLON",
    });
    expect(syntaxError("SELECT * FROM Leads;;").code).toBe("QUERY_SYNTAX_ERROR");
  });

  it.each([
    ["parentheses", "SELECT * FROM Leads WHERE (lastname = 'a' OR lastname = 'b');"],
    ["NOT", "SELECT * FROM Leads WHERE NOT lastname = 'a';"],
    ["NOT LIKE", "SELECT * FROM Leads WHERE lastname NOT LIKE 'a%';"],
    ["IS NULL", "SELECT * FROM Leads WHERE email IS NULL;"],
    ["BETWEEN", "SELECT * FROM Leads WHERE noofemployees BETWEEN 1 AND 5;"],
    ["direction per column", "SELECT * FROM Leads ORDER BY lastname DESC, firstname;"],
    ["OFFSET keyword", "SELECT * FROM Leads LIMIT 10 OFFSET 5;"],
    ["backslash escape", "SELECT * FROM Leads WHERE lastname = 'O\\'Brien';"],
  ])("rejects %s as a syntax error", (_, query) => {
    expect(syntaxError(query).code).toBe("QUERY_SYNTAX_ERROR");
  });

  it.each([
    ["double quotes", 'SELECT * FROM Leads WHERE lastname = "a";'],
    ["an empty string", "SELECT * FROM Leads WHERE lastname = '';"],
    ["an unquoted decimal", "SELECT * FROM Products WHERE unit_price > 1.5;"],
  ])("cannot even lex %s (INTERNAL_SERVER_ERROR)", (_, query) => {
    expect(syntaxError(query)).toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
      message: "Unknown Error while processing request",
    });
  });
});

describe("query operation", () => {
  let sandbox: VtigerSandbox;
  let client: TestClient;
  const ids: string[] = [];

  beforeAll(async () => {
    sandbox = await startVtigerSandbox();
    client = new TestClient(sandbox.url);
    await client.login(sandbox.username, sandbox.accessKey);
    const created = await Promise.all(
      Array.from({ length: 120 }, (_, index) => {
        const i = index + 1;
        return client.create<{ id: string }>("Leads", {
          lastname: `Lead ${String(i).padStart(3, "0")}`,
          email: i === 1 ? "Jane.Doe@Example.com" : `lead${i}@example.com`,
          company: i % 2 ? "Odd Corp" : "Even Ltd",
          noofemployees: i,
          assigned_user_id: "19x1",
        });
      }),
    );
    ids.push(...created.map((lead) => lead.result?.id ?? ""));
  });
  afterAll(() => sandbox.close());

  const rows = async (query: string) => {
    const answer = await client.query(query);
    if (!answer.success) throw new Error(JSON.stringify(answer.error));
    return answer.result ?? [];
  };

  it("compares strings case-insensitively with =, IN and LIKE", async () => {
    expect(await rows("SELECT email FROM Leads WHERE email = 'jane.doe@example.COM';")).toEqual([
      { email: "Jane.Doe@Example.com", id: ids[0] },
    ]);
    expect((await rows("SELECT id FROM Leads WHERE email IN ('x@y.z', 'JANE.DOE@example.com');")).length).toBe(1);
    expect((await rows("SELECT id FROM Leads WHERE lastname LIKE 'lead 11_';")).length).toBe(10);
  });

  it("binds AND tighter than OR and compares numbers numerically", async () => {
    const result = await rows(
      "SELECT noofemployees FROM Leads WHERE company = 'odd corp' AND noofemployees < 4 OR noofemployees >= 119 " +
        "ORDER BY noofemployees;",
    );
    expect(result.map((r) => r.noofemployees)).toEqual(["1", "3", "119", "120"]);
  });

  it("caps pages at 100 rows and pages with LIMIT offset, n", async () => {
    expect((await rows("SELECT id FROM Leads;")).length).toBe(100);
    expect((await rows("SELECT id FROM Leads LIMIT 500;")).length).toBe(100);
    const page2 = await rows("SELECT id FROM Leads ORDER BY noofemployees LIMIT 100, 100;");
    expect(page2.map((r) => r.id)).toEqual(ids.slice(100));
    const last = await rows("SELECT noofemployees FROM Leads ORDER BY noofemployees DESC LIMIT 2;");
    expect(last.map((r) => r.noofemployees)).toEqual(["120", "119"]);
  });

  it("counts, always adds id, and hides deleted records", async () => {
    const victim = ids[119] ?? "";
    expect((await client.delete(victim)).result).toEqual({ status: "successful" });
    expect(await rows("SELECT count(*) FROM Leads;")).toEqual([{ count: "119" }]);
    expect(await rows(`SELECT lastname FROM Leads WHERE id = '${victim}';`)).toEqual([]);
    expect(Object.keys((await rows("SELECT lastname FROM Leads LIMIT 1;"))[0] ?? {})).toEqual(["lastname", "id"]);
  });

  it("answers an empty success when the generated SQL would fail", async () => {
    expect(await client.query("SELECT * FROM Leads ORDER BY nosuchfield;")).toEqual({ success: true, result: [] });
  });

  it("rejects unknown fields, wrongly-cased modules and ids without x", async () => {
    expect((await client.query("SELECT foo FROM Leads;")).error).toEqual({
      code: "ACCESS_DENIED",
      message: "Permission to access '.foo.' attribute denied.",
    });
    expect((await client.query("SELECT * FROM Leads WHERE foo = 'a';")).error?.code).toBe("ACCESS_DENIED");
    expect((await client.query("SELECT * FROM leads;")).error).toEqual({
      code: "ACCESS_DENIED",
      message: "Permission to perform the operation is denied for name : leads",
    });
    for (const condition of ["id = 5", "assigned_user_id = '1'", "modifiedby IN ('19x1', '1')"]) {
      expect((await client.query(`SELECT * FROM Leads WHERE ${condition};`)).error).toEqual({
        code: "INVALID_ID_ATTRIBUTE",
        message: "Id specified is incorrect",
      });
    }
    expect((await rows("SELECT id FROM Leads WHERE assigned_user_id = '19x1' LIMIT 3;")).length).toBe(3);
  });

  it("reaches the actor tables Currency, Groups and Users", async () => {
    expect(await rows("SELECT * FROM Currency WHERE currency_code = 'EUR';")).toEqual([
      {
        id: "21x1",
        currency_name: "Euro",
        currency_code: "EUR",
        currency_symbol: "€",
        conversion_rate: "1.00000",
        currency_status: "Active",
        defaultid: "-11",
        deleted: "0",
      },
    ]);
    expect((await rows("SELECT groupname FROM Groups;")).map((g) => g.groupname)).toContain("Team Selling");
    const users = await rows("SELECT user_name, is_admin FROM Users ORDER BY user_name;");
    expect(users).toEqual([
      { user_name: "admin", is_admin: "on", id: "19x1" },
      { user_name: "sales", is_admin: "off", id: "19x5" },
    ]);
  });
});
