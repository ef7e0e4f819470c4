import type { AuthorityKind, PlaceType } from "@vigil/db";

/** Demo authorities and places (public names, from /docs: domain primer), per demo country. */
export type DemoAuthority = { key: string; kind: AuthorityKind; name: string; parent?: string; contactEmail?: string };
export type DemoPlace = {
  name: string; type: PlaceType; region: string; municipality: string; address?: string; capacity?: number; authority: string; notes?: string;
};

export const SERBIAN_AUTHORITIES: DemoAuthority[] = [
  { key: "interior", kind: "ministry", name: "Ministry of Interior", contactEmail: "kabinet@mup.gov.rs.example" },
  { key: "justice", kind: "ministry", name: "Ministry of Justice", contactEmail: "kabinet@mpravde.gov.rs.example" },
  { key: "health", kind: "ministry", name: "Ministry of Health", contactEmail: "kabinet@zdravlje.gov.rs.example" },
  { key: "labour", kind: "ministry", name: "Ministry of Labour, Employment, Veteran and Social Affairs", contactEmail: "kabinet@minrzs.gov.rs.example" },
  { key: "refugees", kind: "institution", name: "Commissariat for Refugees and Migration", contactEmail: "office@kirs.gov.rs.example" },
  { key: "penal", kind: "institution", name: "Administration for the Enforcement of Penal Sanctions", parent: "justice", contactEmail: "uiks@mpravde.gov.rs.example" },
  { key: "pd-krusevac", kind: "institution", name: "Police Department Kruševac", parent: "interior", contactEmail: "pu.krusevac@mup.gov.rs.example" },
  { key: "pd-nis", kind: "institution", name: "Police Department Niš", parent: "interior", contactEmail: "pu.nis@mup.gov.rs.example" },
];

export const SERBIAN_PLACES: DemoPlace[] = [
  { name: "Police Department Kruševac", type: "police_custody", region: "Rasina", municipality: "Kruševac", address: "Vidovdanska 52, Kruševac", capacity: 6, authority: "pd-krusevac", notes: "Night visit in June 2014; detention premises awaiting renovation." },
  { name: "Police Department Niš", type: "police_custody", region: "Nišava", municipality: "Niš", capacity: 10, authority: "pd-nis" },
  { name: "Belgrade District Prison", type: "prison", region: "City of Belgrade", municipality: "Belgrade", address: "Bačvanska 14, Belgrade", capacity: 1600, authority: "penal" },
  { name: "Correctional Institution Sremska Mitrovica", type: "prison", region: "Srem", municipality: "Sremska Mitrovica", capacity: 1750, authority: "penal" },
  { name: "Correctional Institution Požarevac–Zabela", type: "prison", region: "Braničevo", municipality: "Požarevac", capacity: 1650, authority: "penal" },
  { name: "Special Prison Hospital Belgrade", type: "prison", region: "City of Belgrade", municipality: "Belgrade", capacity: 600, authority: "penal" },
  { name: "Special Hospital for Psychiatric Diseases \"Gornja Toponica\"", type: "psychiatric_hospital", region: "Nišava", municipality: "Niš", capacity: 850, authority: "health" },
  { name: "Special Hospital for Psychiatric Diseases \"Dr Slavoljub Bakalović\"", type: "psychiatric_hospital", region: "South Banat", municipality: "Vršac", capacity: 700, authority: "health" },
  { name: "Special Hospital for Psychiatric Diseases Kovin", type: "psychiatric_hospital", region: "South Banat", municipality: "Kovin", capacity: 650, authority: "health" },
  { name: "Home for Adults \"Kulina\"", type: "social_care_home", region: "Nišava", municipality: "Aleksinac", capacity: 280, authority: "labour" },
  { name: "Asylum Centre Krnjača", type: "asylum_centre", region: "City of Belgrade", municipality: "Palilula", capacity: 1000, authority: "refugees" },
  { name: "Asylum Centre Bogovađa", type: "asylum_centre", region: "Kolubara", municipality: "Lajkovac", capacity: 200, authority: "refugees" },
  { name: "Asylum Centre Banja Koviljača", type: "asylum_centre", region: "Mačva", municipality: "Loznica", capacity: 120, authority: "refugees" },
];

export const UKRAINIAN_AUTHORITIES: DemoAuthority[] = [
  { key: "interior", kind: "ministry", name: "Ministry of Internal Affairs", contactEmail: "info@mvs.gov.ua.example" },
  { key: "justice", kind: "ministry", name: "Ministry of Justice", contactEmail: "info@minjust.gov.ua.example" },
  { key: "health", kind: "ministry", name: "Ministry of Health", contactEmail: "info@moz.gov.ua.example" },
  { key: "social", kind: "ministry", name: "Ministry of Social Policy", contactEmail: "info@msp.gov.ua.example" },
  { key: "police", kind: "institution", name: "National Police of Ukraine", parent: "interior", contactEmail: "info@npu.gov.ua.example" },
  { key: "migration", kind: "institution", name: "State Migration Service", parent: "interior", contactEmail: "info@dmsu.gov.ua.example" },
  { key: "border", kind: "institution", name: "State Border Guard Service", parent: "interior", contactEmail: "info@dpsu.gov.ua.example" },
  { key: "penitentiary", kind: "institution", name: "State Criminal Executive Service", parent: "justice", contactEmail: "info@kvs.gov.ua.example" },
];

export const UKRAINIAN_PLACES: DemoPlace[] = [
  { name: "Kyiv Pre-trial Detention Centre (Lukyanivska)", type: "pre_trial_detention", region: "Kyiv", municipality: "Kyiv", address: "Dehtiarivska 13, Kyiv", capacity: 2850, authority: "penitentiary" },
  { name: "Kharkiv Pre-trial Detention Centre", type: "pre_trial_detention", region: "Kharkiv Oblast", municipality: "Kharkiv", capacity: 3000, authority: "penitentiary" },
  { name: "Temporary holding facility of the National Police, Kyiv", type: "police_custody", region: "Kyiv", municipality: "Kyiv", capacity: 60, authority: "police" },
  { name: "Temporary holding facility of the National Police, Lviv", type: "police_custody", region: "Lviv Oblast", municipality: "Lviv", capacity: 40, authority: "police" },
  { name: "Kyiv City Psychoneurological Hospital No. 1", type: "psychiatric_hospital", region: "Kyiv", municipality: "Kyiv", capacity: 1200, authority: "health" },
  { name: "Psychoneurological residential institution, Kyiv Oblast", type: "social_care_home", region: "Kyiv Oblast", municipality: "Fastiv", capacity: 300, authority: "social" },
  { name: "Temporary holding centre for foreigners, Chernihiv region", type: "immigration_detention", region: "Chernihiv Oblast", municipality: "Rozsudiv", capacity: 208, authority: "migration" },
];
