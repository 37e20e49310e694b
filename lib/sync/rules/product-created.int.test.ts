/** R4 against both sandboxes: a new shop product becomes a Product unless the CRM has it already. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { roundHalfUp } from "../mapping/format";
import { applyShopEvent } from "./apply-event";
import { HARNESS_START_TIMEOUT_MS, startRulesHarness, type RulesHarness } from "./test-harness";

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness("rule-product-created");
}, HARNESS_START_TIMEOUT_MS);
afterAll(() => h.close());
beforeEach(() => h.reset());

describe("R4 product created", () => {
  it("creates the Product: name, code, price tax excluded, active, short description as text, stock", async () => {
    const { event, result } = await h.act("create-product", { name: "Snow leopard cushion", reference: "CSH-SNOW", price: 20.75, active: true, quantity: 37 });
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    const products = h.live("Products");
    expect(products).toHaveLength(1);
    expect(products[0]?.fields).toMatchObject({
      productname: "Snow leopard cushion",
      productcode: "CSH-SNOW",
      unit_price: "20.75000000",
      discontinued: "1",
      description: "Snow leopard cushion – soft, bright & made to last.",
      qtyinstock: "37.000",
      assigned_user_id: "19x1",
    });
    expect(await h.links.get("product", Number(result.productId), "Products")).toBe(products[0]?.wsId);
    expect(ctx.entries.touched).toEqual([{ module: "Products", crmId: products[0]?.wsId, action: "created" }]);
  });

  it("codes a product without reference by its shop id and marks an inactive one inactive", async () => {
    const { event, result } = await h.act("create-product", { name: "Blue whale poster", reference: "", price: 33.333333, active: false, quantity: 0 });
    await applyShopEvent(h.context(), event);

    expect(h.live("Products")[0]?.fields).toMatchObject({
      productcode: `#presta_${result.productId}`,
      discontinued: "0",
      unit_price: `${roundHalfUp(33.333333, 2).toFixed(2)}000000`,
      qtyinstock: "0.000",
    });
  });

  it("links a Product that already has the code instead of creating one", async () => {
    const existing = await h.crm.create("Products", { productname: "Mug (CRM)", productcode: "mug-crm-1", assigned_user_id: "19x1" });
    const { event, result } = await h.act("create-product", { name: "Arctic owl mug", reference: "MUG-CRM-1" });
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    expect(h.live("Products")).toHaveLength(1);
    expect(h.live("Products")[0]?.fields.productname).toBe("Mug (CRM)");
    expect(await h.links.get("product", Number(result.productId), "Products")).toBe(existing.id);
    expect(ctx.entries.touched).toEqual([{ module: "Products", crmId: existing.id, action: "found" }]);
  });

  it("leaves a linked product alone, without looking it up again", async () => {
    const { event } = await h.act("create-product", { reference: "TSH-LINKED" });
    await applyShopEvent(h.context(), event);
    h.vtiger.control.resetStats();
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    expect(h.vtiger.control.stats().total).toBe(0);
    expect(ctx.entries.touched.map((t) => t.action)).toEqual(["unchanged"]);
  });

  it("finds the Product of an attempt whose answer was lost instead of creating a second one", async () => {
    const { event } = await h.act("create-product", { reference: "BAG-LOST" });
    h.vtiger.control.configure({ failAfterWrite: 1 });
    await expect(applyShopEvent(h.context(), event)).rejects.toThrow(/HTTP 500/);
    h.vtiger.control.configure({ failAfterWrite: 0 });
    await applyShopEvent(h.context(), event);

    expect(h.live("Products")).toHaveLength(1);
  });
});
