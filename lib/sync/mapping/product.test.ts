import { describe, expect, it } from "vitest";
import { orderRowSchema } from "@/lib/prestashop/schemas";
import { product, row, settings } from "./test-fixtures";
import { productCode, productFromOrderRow, productFromShopProduct } from "./product";

describe("Products", () => {
  it("codes a product by its reference, else by its shop id", () => {
    expect(productCode(" MUG-1 ", 7)).toBe("MUG-1");
    expect(productCode("", 7)).toBe("#presta_7");
  });

  it("maps the catalogue product: price tax excluded, active flag, short description as text, stock", () => {
    expect(productFromShopProduct(product(), 42, settings)).toEqual({
      productname: "Brown bear mug",
      productcode: "MUG-00007",
      unit_price: "16.666667",
      discontinued: "1",
      description: "Brown bear mug – soft & bright.",
      qtyinstock: "42",
      assigned_user_id: "19x1",
    });
  });

  it("marks an inactive product inactive and leaves an unknown stock out", () => {
    const mapped = productFromShopProduct(product({ active: "0", reference: "" }), null, settings);
    expect(mapped).toMatchObject({ discontinued: "0", productcode: "#presta_7" });
    expect(mapped).not.toHaveProperty("qtyinstock");
  });

  it("creates a missing ordered product from its order line: name, code, price", () => {
    expect(productFromOrderRow(orderRowSchema.parse(row(3, 1, 9.5, 0.2, "Red panda mug")), settings)).toEqual({
      productname: "Red panda mug",
      productcode: "REF-3",
      unit_price: "9.5",
      discontinued: "1",
      assigned_user_id: "19x1",
    });
  });
});
