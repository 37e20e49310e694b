import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSample } from "./fixtures.ts";
import { startVtigerSandbox, type VtigerSandbox } from "./server.ts";
import { TestClient } from "./test-client.ts";

type Row = Record<string, unknown> & { id: string };

let sandbox: VtigerSandbox;
let client: TestClient;
let account: string;
let widget: string;
let taxedMug: string;

beforeAll(async () => {
  sandbox = await startVtigerSandbox();
  client = new TestClient(sandbox.url);
  await client.login(sandbox.username, sandbox.accessKey);
  const create = async (module: string, element: object) => (await client.create<Row>(module, element)).result?.id ?? "";
  account = await create("Accounts", { accountname: "ACME GmbH", assigned_user_id: "19x1" });
  widget = await create("Products", { productname: "Widget", unit_price: "10", assigned_user_id: "19x1" });
  taxedMug = await create("Products", { productname: "Mug", unit_price: "10", tax1: "19", assigned_user_id: "19x1" });
});
afterAll(() => sandbox.close());

const order = (extra: object) => ({
  subject: "PS order #1001",
  sostatus: "Created",
  invoicestatus: "AutoCreated",
  account_id: account,
  assigned_user_id: "19x1",
  bill_street: "Hauptstr. 1",
  ship_street: "Hauptstr. 1",
  productid: widget,
  currency_id: "21x1",
  hdnTaxType: "group",
  ...extra,
});

const line = (productid: string, quantity: string, listprice: string, extra: object = {}) => ({
  productid,
  quantity,
  listprice,
  ...extra,
});

async function createOrder(extra: object): Promise<Row> {
  const created = await client.create<Row>("SalesOrder", order(extra));
  if (!created.result) throw new Error(JSON.stringify(created.error));
  return created.result;
}

describe("SalesOrder totals (reference §20)", () => {
  let so: Row;

  beforeAll(async () => {
    so = await createOrder({
      hdnS_H_Amount: "4.50",
      txtAdjustment: "-0.25",
      hdnGrandTotal: "999",
      hdnSubTotal: "888",
      LineItems: [line(widget, "2", "10.00", { comment: "size L" }), line(widget, "1", "5.50")],
    });
  });

  it("recomputes the totals and answers them as numbers on create", () => {
    expect(so).toMatchObject({ hdnSubTotal: 25.5, hdnGrandTotal: 29.75, pre_tax_total: 30, productid: null, new: true });
    expect(so.salesorder_no).toBe("SO1");
    expect(so.invoicestatus).toBe("AutoCreated");
    expect(Object.keys(so)).toEqual(Object.keys(loadSample("so_created.json")));
  });

  it("returns strings on retrieve, like so_retrieved.json", async () => {
    const retrieved = (await client.retrieve<Row>(so.id)).result;
    expect(retrieved).toMatchObject({
      hdnSubTotal: "25.50000000",
      hdnGrandTotal: "29.75000000",
      pre_tax_total: "30.00000000",
      hdnS_H_Amount: "4.50000000",
      txtAdjustment: "-0.25000000",
      invoicestatus: "",
      productid: widget,
    });
    expect(Object.keys(retrieved ?? {})).toEqual(Object.keys(loadSample("so_retrieved.json")));
    const lines = retrieved?.LineItems as Row[];
    expect(lines.map((l) => [l.id, l.parent_id, l.quantity, l.listprice, l.comment])).toEqual([
      ["33x1", "6xArray", "2.000", "10.00000000", "size L"],
      ["33x2", "6xArray", "1.000", "5.50000000", ""],
    ]);
  });

  it("keeps everything when revised without LineItems", async () => {
    const revised = await client.revise<Row>({ id: so.id, sostatus: "Approved" });
    expect(revised.result).toMatchObject({ sostatus: "Approved", hdnGrandTotal: "29.75000000" });
    expect((revised.result?.LineItems as Row[]).length).toBe(2);
  });

  it("replaces the lines and drops S&H and adjustment not resent when revised with LineItems", async () => {
    const revised = await client.revise<Row>({ id: so.id, productid: widget, LineItems: [line(widget, "1", "10.00")] });
    expect(revised.result).toMatchObject({ hdnSubTotal: 10, hdnGrandTotal: 10, hdnS_H_Amount: "0.00000000" });
    expect((revised.result?.LineItems as Row[]).map((l) => l.id)).toEqual(["33x3"]);
    const lines = await client.query(`SELECT * FROM LineItem WHERE parent_id = '${so.id}';`);
    expect(lines.result?.map((l) => [l.id, l.parent_id])).toEqual([["33x3", so.id]]);
  });

  it("update needs invoicestatus again (retrieve shows it empty) and replaces lines", async () => {
    const retrieved = (await client.retrieve<Row>(so.id)).result ?? { id: so.id };
    const { LineItems: _lines, ...fields } = retrieved;
    expect((await client.update(fields)).error?.message).toBe("invoicestatus does not have a value");
    const updated = await client.update<Row>({
      ...fields,
      invoicestatus: "Created",
      hdnS_H_Amount: "5",
      LineItems: [line(widget, "3", "2.00"), line(widget, "1", "1.00")],
    });
    expect(updated.result).toMatchObject({ hdnSubTotal: 7, hdnGrandTotal: 12 });
  });

  it("removes the lines with their parent", async () => {
    await client.delete(so.id);
    expect((await client.query(`SELECT * FROM LineItem WHERE parent_id = '${so.id}';`)).result).toEqual([]);
  });
});

describe("tax modes and discounts (reference §11.2)", () => {
  const totals = async (extra: object) => {
    const created = await createOrder(extra);
    return [created.hdnSubTotal, created.pre_tax_total, created.hdnGrandTotal];
  };

  it.each([
    ["1×10, tax1 19", { LineItems: [line(widget, "1", "10", { tax1: "19" })] }, [10, 10, 11.9]],
    ["+ S&H 5 (untaxed)", { hdnS_H_Amount: "5", LineItems: [line(widget, "1", "10", { tax1: "19" })] }, [10, 15, 16.9]],
    ["10 % overall discount", { hdnDiscountPercent: "10", LineItems: [line(widget, "2", "10")] }, [20, 18, 18]],
    ["adjustment -0.01", { txtAdjustment: "-0.01", LineItems: [line(widget, "2", "10", { tax1: "19" })] }, [20, 20, 23.79]],
    ["discount 3", { hdnDiscountAmount: "3", LineItems: [line(widget, "2", "10", { tax1: "19" })] }, [20, 17, 20.23]],
    [
      "discount 3, adjustment -1",
      { hdnDiscountAmount: "3", txtAdjustment: "-1", LineItems: [line(widget, "2", "10", { tax1: "19" })] },
      [20, 17, 19.23],
    ],
    ["group tax from the first line only", { LineItems: [line(widget, "1", "10"), line(widget, "1", "10", { tax1: "19" })] }, [20, 20, 20]],
    ["line discounts", { LineItems: [line(widget, "2", "19.99"), line(widget, "1", "7.50", { discount_amount: "0.50" })] }, [46.98, 46.98, 46.98]],
  ])("group: %s", async (_, extra, expected) => {
    expect(await totals(extra)).toEqual(expected);
  });

  it("individual: taxes come from the product, a line cannot add one the product lacks", async () => {
    const taxed = { hdnTaxType: "individual", LineItems: [line(taxedMug, "1", "10")] };
    expect(await totals(taxed)).toEqual([11.9, 10, 11.9]);
    const untaxed = { hdnTaxType: "individual", LineItems: [line(widget, "1", "10", { tax1: "19" })] };
    expect(await totals(untaxed)).toEqual([10, 10, 10]);
  });

  it("takes the product's price when listprice is left out", async () => {
    expect(await totals({ LineItems: [{ productid: widget, quantity: "3" }] })).toEqual([30, 30, 30]);
  });
});

describe("inventory validation", () => {
  it("requires LineItems, the top-level productid and, for SalesOrder, invoicestatus", async () => {
    expect((await client.create("SalesOrder", order({}))).error).toEqual({
      code: "MANDATORY_FIELDS_MISSING",
      message: "Mandatory Fields Missing..",
    });
    const lines = { LineItems: [line(widget, "1", "1")] };
    expect((await client.create("SalesOrder", order({ ...lines, productid: "" }))).error?.message).toBe(
      "productid does not have a value",
    );
    expect((await client.create("SalesOrder", order({ ...lines, invoicestatus: undefined }))).error?.message).toBe(
      "invoicestatus does not have a value",
    );
  });

  it("creates an Invoice from a SalesOrder", async () => {
    const so = await createOrder({ LineItems: [line(widget, "1", "10")] });
    const invoice = await client.create<Row>("Invoice", {
      subject: "INV for #1001",
      salesorder_id: so.id,
      account_id: account,
      assigned_user_id: "19x1",
      bill_street: "a",
      ship_street: "b",
      productid: widget,
      invoicestatus: "Created",
      LineItems: [line(widget, "1", "10")],
    });
    expect(invoice.result).toMatchObject({ invoice_no: "INV1", salesorder_id: so.id, invoicestatus: "Created" });
    expect((await client.retrieve(invoice.result?.id ?? "")).result?.invoicestatus).toBe("Created");
  });
});
