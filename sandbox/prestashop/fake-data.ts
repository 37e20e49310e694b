/**
 * Plausible people, companies, addresses and products for a French-and-English shop, drawn from a
 * seeded Random so a given seed always yields the same shop.
 */
import { foldText } from "./mysql.ts";
import type { Random } from "./random.ts";

const FIRST_NAMES = [
  "Jean", "Marie", "Camille", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Emma", "Gabriel", "Inès", "Jules",
  "Sarah", "Thomas", "Manon", "Nicolas", "Julie", "Antoine", "Zoé", "Pierre", "Anna", "John", "Emily", "Oliver",
  "Sophie", "James", "Charlotte", "William", "Hannah", "Lukas", "Mia", "Felix", "Élodie", "François", "Noémie",
];
const LAST_NAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
  "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
  "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Müller", "Schmidt", "Schneider", "Dupont", "Lambert", "Bonnet",
];
const COMPANY_WORDS = ["Atelier", "Studio", "Maison", "Groupe", "Comptoir", "Bureau", "Agence", "Cabinet"];
const COMPANY_NAMES = ["Horizon", "Lumière", "Boréal", "Azur", "Cèdre", "Argos", "Nova", "Vertige", "Orion", "Delta"];
const COMPANY_FORMS = ["SARL", "SAS", "SA", "Ltd", "GmbH", ""];
const STREETS = ["rue de la Paix", "avenue Victor Hugo", "boulevard Voltaire", "rue des Lilas", "High Street", "chemin des Vignes", "place de la Mairie"];

/** Cities by country id (install ids): city, postcode. */
const CITIES: Record<number, Array<[string, string]>> = {
  8: [["Paris", "75011"], ["Lyon", "69003"], ["Marseille", "13008"], ["Lille", "59000"], ["Nantes", "44000"], ["Bordeaux", "33000"]],
  3: [["Bruxelles", "1000"], ["Liège", "4000"]],
  1: [["Berlin", "10115"], ["München", "80331"]],
  17: [["London", "SW1A 1AA"], ["Manchester", "M1 1AE"]],
  19: [["Genève", "1201"], ["Lausanne", "1003"]],
  21: [["New York", "10001"], ["Boston", "02108"]],
};
/** How customers spread over countries (France first: the shop's home). */
const COUNTRY_WEIGHTS: number[] = [8, 8, 8, 8, 8, 8, 3, 1, 17, 17, 19, 21];

const PRODUCT_THEMES: Array<[en: string, fr: string]> = [
  ["Hummingbird", "colibri"], ["Mountain fox", "renard des montagnes"], ["Brown bear", "ours brun"],
  ["Arctic owl", "chouette arctique"], ["Wild cat", "chat sauvage"], ["Sea turtle", "tortue de mer"],
  ["Red panda", "panda roux"], ["Snow leopard", "léopard des neiges"], ["Blue whale", "baleine bleue"],
];
const PRODUCT_KINDS: Array<[en: string, fr: string, code: string, min: number, max: number]> = [
  ["printed t-shirt", "T-shirt imprimé", "TSH", 15, 35], ["printed sweater", "Pull imprimé", "SWT", 29, 59],
  ["mug", "Mug", "MUG", 9, 19], ["notebook", "Carnet de notes", "NTB", 8, 16], ["cushion", "Coussin", "CSH", 17, 29],
  ["framed poster", "Affiche encadrée", "PST", 19, 79], ["tote bag", "Sac cabas", "BAG", 12, 24],
];

export interface Person {
  firstname: string;
  lastname: string;
  email: string;
}

/** `unique` keeps e-mails distinct (a customer id or a counter). */
export function person(random: Random, unique: number): Person {
  const firstname = random.pick(FIRST_NAMES);
  const lastname = random.pick(LAST_NAMES);
  const local = foldText(`${firstname}.${lastname}`).replace(/[^a-z.]/g, "");
  return { firstname, lastname, email: `${local}.${unique}@example.com` };
}

export function companyName(random: Random): string {
  return `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_NAMES)} ${random.pick(COMPANY_FORMS)}`.trim();
}

export interface PostalAddress {
  id_country: number;
  address1: string;
  postcode: string;
  city: string;
  phone: string;
  phone_mobile: string;
}

export function postalAddress(random: Random): PostalAddress {
  const country = random.pick(COUNTRY_WEIGHTS);
  const [city, postcode] = random.pick(CITIES[country] ?? []);
  const digits = (n: number) => random.string("0123456789", n);
  return {
    id_country: country,
    address1: `${random.int(1, 180)} ${random.pick(STREETS)}`,
    postcode,
    city,
    phone: random.chance(0.7) ? `01 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}` : "",
    phone_mobile: random.chance(0.6) ? `06 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}` : "",
  };
}

export interface ProductIdea {
  name: { en: string; fr: string };
  /** Prefix of the shop reference ("MUG"). */
  code: string;
  price: number;
}

export function productIdea(random: Random): ProductIdea {
  const [themeEn, themeFr] = random.pick(PRODUCT_THEMES);
  const [kindEn, kindFr, code, min, max] = random.pick(PRODUCT_KINDS);
  // Shop prices end in .00 or .90 tax included; the stored price is tax excluded (20 % VAT).
  const taxIncluded = random.int(min, max) + (random.chance(0.5) ? 0.9 : 0);
  return {
    name: { en: `${themeEn} ${kindEn}`, fr: `${kindFr} ${themeFr}` },
    code,
    price: Math.round((taxIncluded / 1.2) * 1e6) / 1e6,
  };
}
