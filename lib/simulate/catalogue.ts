/** The reference world's fixed catalogue: destinations, packages, offers and people's names. */

export interface Destination {
  code: string;
  name: string;
  country: string;
  /** relative search popularity */
  popularity: number;
  basePrice: number;
}

export const DESTINATIONS: readonly Destination[] = [
  { code: "LIS", name: "Lisbon", country: "PT", popularity: 9, basePrice: 620 },
  { code: "BCN", name: "Barcelona", country: "ES", popularity: 10, basePrice: 680 },
  { code: "PMI", name: "Mallorca", country: "ES", popularity: 12, basePrice: 740 },
  { code: "TFS", name: "Tenerife", country: "ES", popularity: 8, basePrice: 710 },
  { code: "HER", name: "Crete", country: "GR", popularity: 7, basePrice: 760 },
  { code: "JTR", name: "Santorini", country: "GR", popularity: 6, basePrice: 1180 },
  { code: "AYT", name: "Antalya", country: "TR", popularity: 8, basePrice: 590 },
  { code: "DBV", name: "Dubrovnik", country: "HR", popularity: 4, basePrice: 820 },
  { code: "FAO", name: "Algarve", country: "PT", popularity: 6, basePrice: 690 },
  { code: "MLA", name: "Malta", country: "MT", popularity: 3, basePrice: 640 },
  { code: "PAR", name: "Paris", country: "FR", popularity: 7, basePrice: 720 },
  { code: "ROM", name: "Rome", country: "IT", popularity: 6, basePrice: 700 },
  { code: "AMS", name: "Amsterdam", country: "NL", popularity: 4, basePrice: 650 },
  { code: "KEF", name: "Reykjavik", country: "IS", popularity: 2, basePrice: 1240 },
  { code: "RAK", name: "Marrakech", country: "MA", popularity: 4, basePrice: 610 },
  { code: "CUN", name: "Cancun", country: "MX", popularity: 3, basePrice: 1650 },
  { code: "DPS", name: "Bali", country: "ID", popularity: 3, basePrice: 1820 },
  { code: "HKT", name: "Phuket", country: "TH", popularity: 3, basePrice: 1540 },
  { code: "MLE", name: "Maldives", country: "MV", popularity: 5, basePrice: 2900 },
  { code: "NYC", name: "New York", country: "US", popularity: 4, basePrice: 1480 },
  { code: "DXB", name: "Dubai", country: "AE", popularity: 5, basePrice: 1120 },
  { code: "PFO", name: "Cyprus", country: "CY", popularity: 3, basePrice: 730 },
  { code: "FNC", name: "Madeira", country: "PT", popularity: 2, basePrice: 780 },
  { code: "CTA", name: "Sicily", country: "IT", popularity: 3, basePrice: 690 },
];

export const PACKAGES = [
  { code: "all-inclusive", name: "All-inclusive", factor: 1.45 },
  { code: "half-board", name: "Half-board", factor: 1.2 },
  { code: "bed-and-breakfast", name: "Bed & breakfast", factor: 1.0 },
  { code: "flight-hotel", name: "Flight + hotel", factor: 1.1 },
  { code: "room-only", name: "Room only", factor: 0.85 },
] as const;

export type PackageCode = (typeof PACKAGES)[number]["code"];

export interface Offer {
  id: string;
  destination: Destination;
  hotel: string;
  packageCode: PackageCode;
  stars: number;
  /** price per person per week, before repricing */
  price: number;
  /** how appealing a view of this offer is to book (1 = typical); some offers look good and rarely sell */
  appeal: number;
}

const HOTEL_WORDS = ["Vista", "Azure", "Palm", "Olive", "Harbour", "Sol", "Coral", "Marina", "Garden", "Cliff", "Lagoon", "Old Town"];
const HOTEL_KINDS = ["Resort", "Hotel", "Suites", "Beach Club", "Boutique Hotel", "Villas"];

/** Four offers per destination, fixed for every world so offer ids mean the same thing everywhere. */
export const OFFERS: readonly Offer[] = DESTINATIONS.flatMap((destination, d) =>
  [0, 1, 2, 3].map((n) => {
    const pkg = PACKAGES[(d + n * 2) % PACKAGES.length]!;
    const stars = 3 + ((d + n) % 3);
    return {
      id: `OF-${destination.code}-${n + 1}`,
      destination,
      hotel: `${HOTEL_WORDS[(d * 3 + n) % HOTEL_WORDS.length]} ${HOTEL_KINDS[(d + n * 5) % HOTEL_KINDS.length]} ${destination.name}`,
      packageCode: pkg.code,
      stars,
      price: Math.round((destination.basePrice * pkg.factor * (0.8 + stars * 0.08)) / 5) * 5,
      // Every destination has one offer that draws views but rarely converts (n === 3 on even rows).
      appeal: n === 3 && d % 2 === 0 ? 0.15 : n === 0 ? 1.4 : 1,
    };
  }),
);

export const FIRST_NAMES = [
  "Ana",
  "Ben",
  "Chloé",
  "Daniel",
  "Elif",
  "Finn",
  "Grace",
  "Hugo",
  "Isla",
  "Jonas",
  "Kasia",
  "Liam",
  "Maya",
  "Noah",
  "Olivia",
  "Pablo",
  "Quinn",
  "Rosa",
  "Sven",
  "Tara",
  "Umar",
  "Vera",
  "Wei",
  "Yara",
  "Zoe",
  "Marta",
  "Luca",
  "Sofia",
  "Emil",
  "Nora",
];
export const LAST_NAMES = [
  "Silva",
  "Müller",
  "Dubois",
  "García",
  "Rossi",
  "Kowalski",
  "Jansen",
  "Smith",
  "Andersson",
  "O'Brien",
  "Novak",
  "Yilmaz",
  "Papadopoulos",
  "Costa",
  "Fischer",
  "Moreau",
  "Hughes",
  "Berg",
  "Ferreira",
  "Schmidt",
];

export const COUNTRIES = [
  ["GB", 24],
  ["DE", 20],
  ["FR", 12],
  ["NL", 8],
  ["ES", 7],
  ["IT", 7],
  ["IE", 5],
  ["SE", 5],
  ["PL", 6],
  ["US", 6],
] as const;

export const PLATFORMS = [
  { platform: "web", device: "desktop", weight: 45 },
  { platform: "web", device: "mobile", weight: 20 },
  { platform: "ios", device: "mobile", weight: 18 },
  { platform: "android", device: "mobile", weight: 13 },
  { platform: "web", device: "tablet", weight: 4 },
] as const;

export const EXTRAS = [
  { code: "luggage", name: "Extra luggage", price: 45 },
  { code: "transfer", name: "Airport transfer", price: 60 },
  { code: "insurance", name: "Travel insurance", price: 38 },
  { code: "seats", name: "Seat reservation", price: 24 },
  { code: "car", name: "Car hire", price: 210 },
] as const;
