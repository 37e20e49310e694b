/**
 * Queries answered from the store's indexes (`=`/`IN` on text columns and ids) against the full
 * scan: same rows in the same order, before and after records change; and the duplicate check that
 * uses an index too. The engine is driven in process, so the test can see which path ran.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Engine } from "./engine.ts";
import { DEFAULT_KNOBS } from "./knobs.ts";
import { md5Hex } from "./php.ts";
import { callWebservice } from "./webservice.ts";

let engine: Engine;
let session = "";

type Payload = { success: boolean; result?: any; error?: { code: string; message: string } };

function call(get: Record<string, string>, post: Record<string, string> = {}): Payload {
  const reply = callWebservice(engine, { query: get, body: post });
  if (reply.kind !== "json") throw new Error("raw reply");
  return reply.payload as Payload;
}

const create = (module: string, element: object) => call({}, { operation: "create", sessionName: session, elementType: module, element: JSON.stringify(element) });
const revise = (element: object) => call({}, { operation: "revise", sessionName: session, element: JSON.stringify(element) });
const remove = (id: string) => call({}, { operation: "delete", sessionName: session, id });

/** Runs a query, and tells whether it scanned the module (the general path) or used an index. */
function query(text: string): { payload: Payload; scanned: boolean } {
  const all = engine.store.all.bind(engine.store);
  let scanned = false;
  engine.store.all = (module) => {
    if (text.includes(` ${module} `)) scanned = true;
    return all(module);
  };
  try {
    return { payload: call({ operation: "query", sessionName: session, query: text }), scanned };
  } finally {
    engine.store.all = all;
  }
}

/**
 * The query as written (indexed) and with a never-true OR branch added, which no index can serve:
 * VTQL has no parentheses, and AND binds tighter, so the extra branch changes nothing else.
 */
function bothPaths(select: string, where: string, tail = "", never = "lastname LIKE 'zz-no-such-name-zz'") {
  const indexed = query(`${select} WHERE ${where} ${tail};`);
  const scanned = query(`${select} WHERE ${where} OR ${never} ${tail};`);
  expect(scanned.scanned).toBe(true);
  return { indexed, scanned };
}

function expectSameRows(select: string, where: string, tail = "", never?: string): unknown[] {
  const { indexed, scanned } = bothPaths(select, where, tail, never);
  expect(indexed.scanned).toBe(false);
  expect(indexed.payload).toEqual(scanned.payload);
  expect(indexed.payload.success).toBe(true);
  return indexed.payload.result as unknown[];
}

beforeAll(() => {
  engine = new Engine({
    seed: { admin: { userName: "admin", accessKey: "adminKey" }, sales: { userName: "sales", accessKey: "salesKey" }, currencyDecimals: 2 },
    knobs: structuredClone(DEFAULT_KNOBS),
  });
  const { token } = call({ operation: "getchallenge", username: "admin" }).result;
  session = call({}, { operation: "login", username: "admin", accessKey: md5Hex(`${token}adminKey`) }).result.sessionName;
  const emails = ["anne@example.com", "Anne@Example.com", "müller@example.com", "muller@example.com ", "bob@example.com", ""];
  for (let i = 0; i < 60; i++) {
    const email = emails[i % emails.length] ?? "";
    const created = create("Contacts", { lastname: `Name ${i % 7}`, firstname: i % 2 ? "Zoé" : "Zoe", email, assigned_user_id: "19x1" });
    if (!created.success) throw new Error(JSON.stringify(created.error));
  }
});

describe("indexed queries", () => {
  const select = "SELECT id, email, lastname FROM Contacts";

  it("matches like the collation (case, accents, trailing spaces), in table order", () => {
    const rows = expectSameRows(select, "email IN ('ANNE@example.com', 'muller@EXAMPLE.com', 'nobody@example.com')");
    expect(rows).toHaveLength(40);
    expectSameRows(select, "email = 'bob@example.com  '");
    expectSameRows(select, "firstname = 'zoe'");
  });

  it("applies the other conditions, ORDER BY, LIMIT and count(*) to the rows found", () => {
    expectSameRows(select, "email IN ('anne@example.com', 'bob@example.com') AND lastname = 'Name 3'");
    expectSameRows(select, "email = 'anne@example.com' OR email = 'bob@example.com'", "ORDER BY lastname, id DESC LIMIT 3, 7");
    expectSameRows(select, "email IN ('anne@example.com', 'bob@example.com')", "ORDER BY email DESC LIMIT 5");
    expectSameRows("SELECT count(*) FROM Contacts", "email IN ('anne@example.com', 'bob@example.com')");
    expectSameRows(select, "lastname LIKE 'Name%' AND email = 'bob@example.com'");
    expectSameRows(select, "email IN ('anne@example.com', NULL, 'bob@example.com')");
    expectSameRows(select, "email IN (NULL)");
  });

  it("finds records by id", () => {
    const [first] = query(`${select} ORDER BY id LIMIT 1;`).payload.result as Array<{ id: string }>;
    const number = Number(first?.id.split("x")[1]);
    const rows = expectSameRows(select, `id IN ('12x${number}', '12x${number + 5}', '12x${number + 5}', '99x${number + 2}', '12x99999', '12x${number}.0')`);
    expect(rows).toHaveLength(3);
  });

  it("keeps to the scan for what no index serves", () => {
    expect(query(`${select} WHERE email LIKE 'anne%';`).scanned).toBe(true);
    expect(query(`${select} WHERE email IN (5, 'anne@example.com');`).scanned).toBe(true);
    expect(query(`${select} WHERE email = 'anne@example.com' OR lastname = 'Name 1' OR email > 'b';`).scanned).toBe(true);
    expect(query(`${select} WHERE assigned_user_id = '19x1' LIMIT 2;`).scanned).toBe(true);
  });

  it("follows records that change, go to the recycle bin or are created", () => {
    const where = "email IN ('anne@example.com', 'carol@example.com')";
    const before = expectSameRows(select, where) as Array<{ id: string }>;
    const [renamed, deleted] = before;
    expect(revise({ id: renamed?.id, email: "carol@example.com" }).success).toBe(true);
    expect(remove(deleted?.id ?? "").success).toBe(true);
    expect(create("Contacts", { lastname: "New", email: "ANNE@example.com", assigned_user_id: "19x1" }).success).toBe(true);
    const after = expectSameRows(select, where) as Array<{ id: string; email: string }>;
    expect(after.find((row) => row.id === renamed?.id)?.email).toBe("carol@example.com");
    expect(after.some((row) => row.id === deleted?.id)).toBe(false);
    expect(after).toHaveLength(before.length);
    // Filed under its new value only.
    expect(expectSameRows(select, "email = 'CAROL@example.com'")).toHaveLength(1);
  });

  it("reads inventory columns stored on the lines through the scan only", () => {
    const account = create("Accounts", { accountname: "Inventory Corp", assigned_user_id: "19x1" }).result.id as string;
    const product = create("Products", { productname: "Widget", unit_price: "10", assigned_user_id: "19x1" }).result.id as string;
    const order = (subject: string) =>
      create("SalesOrder", {
        subject,
        sostatus: "Created",
        invoicestatus: "AutoCreated",
        account_id: account,
        assigned_user_id: "19x1",
        bill_street: "1 rue",
        ship_street: "1 rue",
        productid: product,
        currency_id: "21x1",
        hdnTaxType: "group",
        LineItems: [{ productid: product, quantity: "2", listprice: "10" }],
      });
    expect(order("PS order 1").success).toBe(true);
    expect(order("PS order 2").success).toBe(true);
    const rows = expectSameRows("SELECT subject, productid, quantity FROM SalesOrder", "subject IN ('ps ORDER 1', 'PS order 2')", "", "subject LIKE 'zz%'");
    expect(rows).toHaveLength(2);
    expect(query(`SELECT subject FROM SalesOrder WHERE quantity = '2.000';`).scanned).toBe(true);
  });
});

describe("duplicate check through the index", () => {
  it("refuses a second Account of the same name (collation), and allows it once the first is deleted or renamed", () => {
    const first = create("Accounts", { accountname: "Société Générale", assigned_user_id: "19x1" });
    expect(first.success).toBe(true);
    const duplicate = create("Accounts", { accountname: "SOCIETE generale  ", assigned_user_id: "19x1" });
    expect(duplicate.error).toEqual({ code: 0, message: "Duplicate(s) detected!" });
    expect(revise({ id: first.result.id, accountname: "Société Générale" }).success).toBe(true);
    expect(revise({ id: first.result.id, accountname: "Générale Renamed" }).success).toBe(true);
    const second = create("Accounts", { accountname: "Société Générale", assigned_user_id: "19x1" });
    expect(second.success).toBe(true);
    expect(remove(second.result.id).success).toBe(true);
    expect(create("Accounts", { accountname: "societe generale", assigned_user_id: "19x1" }).success).toBe(true);
  });
});
