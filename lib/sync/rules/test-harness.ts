/**
 * What the rules' integration tests run against: both sandboxes over real HTTP, a real temp
 * SQLite database for the link table and the key leases, settings built from the CRM's real
 * describe data (probeCrm), and a journal kept in memory.
 */
import { PrestashopClient } from "@/lib/prestashop/client";
import { pickLanguage, type Order } from "@/lib/prestashop/schemas";
import { probeCrm } from "@/lib/settings/crm-probe";
import type { CrmSnapshot } from "@/lib/settings/crm-snapshot";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { VtigerClient } from "@/lib/vtiger/client";
import type { ActionName } from "@/sandbox/prestashop/actions";
import { startPrestashopSandbox, type PrestashopSandbox } from "@/sandbox/prestashop/server";
import type { SandboxRecord } from "@/sandbox/vtiger/control";
import { startVtigerSandbox, type VtigerSandbox } from "@/sandbox/vtiger/server";
import type { Journal, LinkStore, SyncContext, SyncSettings, TouchAction } from "../context";
import type { CrmModule } from "../filled-fields";
import { defaultStatusFor, type StatusPair } from "../state-mapping";
import type { ShopEvent } from "./apply-event";

export interface JournalEntries {
  touched: Array<{ module: CrmModule; crmId: string; action: TouchAction }>;
  notes: string[];
  warnings: string[];
}

export type TestContext = SyncContext & { entries: JournalEntries };

export interface RulesHarness {
  vtiger: VtigerSandbox;
  shop: PrestashopSandbox;
  /** A client of the CRM sandbox, for arranging and checking records. */
  crm: VtigerClient;
  shopClient: PrestashopClient;
  links: LinkStore;
  /** Active shop products with a reference, cheapest first. */
  orderableProductIds: number[];
  /** A context with a fresh journal; settings: all switches on, EUR linked, default state mapping. */
  context(overrides?: Partial<SyncSettings>): TestContext;
  /** Performs a shop action (sandbox emitter) and returns the event it reports, undelivered. */
  act(action: ActionName, params?: Record<string, unknown>): Promise<{ event: ShopEvent; result: Record<string, string | number | null> }>;
  /**
   * Signs up a new customer (fresh e-mail) and places an order for them: by default two lines of
   * the cheapest orderable products (2 × the first, 1 × the second), paid by card, so invoiced.
   */
  placeOrder(params?: { customer?: Record<string, unknown>; order?: Record<string, unknown> }): Promise<{ event: ShopEvent; order: Order; customerId: number }>;
  /** Live (not deleted) stored records of a CRM module, as the sandbox keeps them. */
  live(module: string): SandboxRecord[];
  /** Reads the CRM's mandatory fields again, after a test changed them with setMandatory. */
  reprobe(): Promise<void>;
  /** Fresh CRM, empty link table and leases; the shop keeps what earlier tests did. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

function memoryJournal(): { journal: Journal; entries: JournalEntries } {
  const entries: JournalEntries = { touched: [], notes: [], warnings: [] };
  return {
    entries,
    journal: {
      touched: (module, crmId, action) => entries.touched.push({ module, crmId, action }),
      note: (message) => entries.notes.push(message),
      warn: (message) => entries.warnings.push(message),
    },
  };
}

async function defaultStateMappings(shop: PrestashopClient): Promise<Map<number, StatusPair>> {
  const [states, config] = await Promise.all([shop.listOrderStates(), shop.configuration(["PS_OS_CANCELED", "PS_OS_ERROR", "PS_OS_REFUND"])]);
  const special = { canceled: Number(config.PS_OS_CANCELED), error: Number(config.PS_OS_ERROR), refund: Number(config.PS_OS_REFUND) };
  return new Map(
    states.map((state) => [
      state.id,
      defaultStatusFor({ id: state.id, name: pickLanguage(state.name), paid: state.paid, shipped: state.shipped, delivery: state.delivery, invoice: state.invoice }, special),
    ]),
  );
}

async function snapshotOf(vtiger: VtigerSandbox): Promise<CrmSnapshot> {
  const probe = await probeCrm({ url: vtiger.url, username: vtiger.username, accessKey: vtiger.accessKey });
  if (!probe.snapshot) throw new Error(`The CRM sandbox failed its probe: ${JSON.stringify(probe.steps)}`);
  return probe.snapshot;
}

/** Starting both sandboxes and migrating a fresh database takes seconds, more on a busy machine. */
export const HARNESS_START_TIMEOUT_MS = 60_000;

/** Call in beforeAll (with HARNESS_START_TIMEOUT_MS); `name` names the temp database folder. */
export async function startRulesHarness(name: string): Promise<RulesHarness> {
  const database = await useTempDatabase(name);
  // Modules that open the database come after useTempDatabase pointed it at the temp folder.
  const { prisma } = await import("@/lib/db/prisma");
  const { ensureConnection } = await import("@/lib/settings/connection");
  const { prismaLinkStore } = await import("@/lib/jobs/links");
  const { withKeyLock } = await import("@/lib/jobs/key-lock");

  const [vtiger, shop] = await Promise.all([startVtigerSandbox({ port: 0 }), startPrestashopSandbox({ port: 0, customers: 6, products: 12, seed: 7 })]);
  const crm = new VtigerClient({ url: vtiger.url, username: vtiger.username, accessKey: vtiger.accessKey });
  const shopClient = new PrestashopClient({ url: shop.url, key: shop.key, retries: 0 });
  const connection = await ensureConnection();
  const links = prismaLinkStore(connection.id);
  const stateMappings = await defaultStateMappings(shopClient);
  // A reset brings back the fresh install this snapshot describes.
  const freshSnapshot = await snapshotOf(vtiger);
  let snapshot = freshSnapshot;
  // Cheapest first: small orders stay under the sandbox's free-shipping threshold, so S&H is not 0.
  const orderable = shop.control.shop
    .table("products")
    .all()
    .filter((product) => product.active === 1 && product.reference)
    .sort((a, b) => Number(a.price) - Number(b.price));
  let customers = 0;

  return {
    vtiger,
    shop,
    crm,
    shopClient,
    links,
    orderableProductIds: orderable.map((product) => product.id),
    context(overrides = {}) {
      const { journal, entries } = memoryJournal();
      const settings: SyncSettings = {
        ownerId: snapshot.userId,
        createAccount: true,
        createPotential: true,
        salesOrderPrefix: "Sales order no",
        potentialPrefix: "Shop order no",
        defaults: {},
        currencyLinks: new Map([[1, "21x1"]]),
        stateMappings,
        snapshot,
        ...overrides,
      };
      return { connectionId: connection.id, crm, shop: shopClient, settings, links, journal, entries, withKey: (key, fn) => withKeyLock(key, `test-${name}`, fn) };
    },
    async act(action, params = {}) {
      const { event, result } = await shop.emitter.perform(action, params, { deliver: false });
      return { event, result };
    },
    async placeOrder(params = {}) {
      customers += 1;
      const [first, second] = orderable;
      if (!first || !second) throw new Error("the generated shop has fewer than two orderable products");
      const signUp = await shop.emitter.perform("sign-up", { email: `buyer.${customers}@example.com`, company: "", ...params.customer }, { deliver: false });
      const customerId = Number(signUp.result.customerId);
      const lines = [
        { productId: first.id, quantity: 2 },
        { productId: second.id, quantity: 1 },
      ];
      const placed = await shop.emitter.perform("place-order", { customerId, lines, payment: "card", ...params.order }, { deliver: false });
      return { event: placed.event, order: await shopClient.getOrder(Number(placed.result.orderId)), customerId };
    },
    live: (module) => vtiger.control.records(module).filter((record) => !record.deleted),
    async reprobe() {
      snapshot = await snapshotOf(vtiger);
    },
    async reset() {
      vtiger.control.reset();
      snapshot = freshSnapshot;
      await prisma.link.deleteMany({});
      await prisma.keyLock.deleteMany({});
    },
    async close() {
      await crm.close();
      await Promise.all([vtiger.close(), shop.close()]);
      await database.cleanup();
    },
  };
}
