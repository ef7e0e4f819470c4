import { serbianCyrillicToLatin } from "@vigil/i18n";
import type { NameTranslations } from "../registry/inputs.ts";

/*
 * The Serbian demo registry's names in other languages (issue 16, section 5), keyed by the primary
 * (English) name, which stays as it is: many tests and fixtures refer to it. The Serbian name is the
 * official one, in Cyrillic and transliterated to Latin; Ukrainian where a partner would read it.
 */
const SERBIAN: Record<string, { cyrillic: string; uk?: string }> = {
  "Ministry of Interior": { cyrillic: "Министарство унутрашњих послова", uk: "Міністерство внутрішніх справ Сербії" },
  "Ministry of Justice": { cyrillic: "Министарство правде", uk: "Міністерство юстиції Сербії" },
  "Ministry of Health": { cyrillic: "Министарство здравља", uk: "Міністерство охорони здоров'я Сербії" },
  "Ministry of Labour, Employment, Veteran and Social Affairs": { cyrillic: "Министарство за рад, запошљавање, борачка и социјална питања" },
  "Commissariat for Refugees and Migration": { cyrillic: "Комесаријат за избеглице и миграције", uk: "Комісаріат у справах біженців і міграції" },
  "Administration for the Enforcement of Penal Sanctions": { cyrillic: "Управа за извршење кривичних санкција", uk: "Управління з виконання кримінальних санкцій" },
  "Police Department Kruševac": { cyrillic: "Полицијска управа Крушевац", uk: "Поліцейське управління Крушевац" },
  "Police Department Niš": { cyrillic: "Полицијска управа Ниш", uk: "Поліцейське управління Ніш" },
  "Belgrade District Prison": { cyrillic: "Окружни затвор у Београду", uk: "Окружний затвор у Београду" },
  "Correctional Institution Sremska Mitrovica": { cyrillic: "Казнено-поправни завод у Сремској Митровици", uk: "Виправна установа Сремська Митровиця" },
  "Correctional Institution Požarevac–Zabela": { cyrillic: "Казнено-поправни завод у Пожаревцу – Забела", uk: "Виправна установа Пожаревац–Забела" },
  "Special Prison Hospital Belgrade": { cyrillic: "Специјална затворска болница у Београду", uk: "Спеціальна тюремна лікарня в Белграді" },
  "Special Hospital for Psychiatric Diseases \"Gornja Toponica\"": { cyrillic: "Специјална болница за психијатријске болести „Горња Топоница”" },
  "Special Hospital for Psychiatric Diseases \"Dr Slavoljub Bakalović\"": { cyrillic: "Специјална болница за психијатријске болести „Др Славољуб Бакаловић”" },
  "Special Hospital for Psychiatric Diseases Kovin": { cyrillic: "Специјална болница за психијатријске болести „Ковин”" },
  "Home for Adults \"Kulina\"": { cyrillic: "Дом за смештај одраслих лица „Кулина”" },
  "Asylum Centre Krnjača": { cyrillic: "Центар за азил Крњача", uk: "Центр для шукачів притулку Крняча" },
  "Asylum Centre Bogovađa": { cyrillic: "Центар за азил Боговађа", uk: "Центр для шукачів притулку Боговаджа" },
  "Asylum Centre Banja Koviljača": { cyrillic: "Центар за азил Бања Ковиљача", uk: "Центр для шукачів притулку Баня Ковиляча" },
};

/** A Serbian demo place's or authority's names in the interface languages (none for other countries' names). */
export function serbianNameTranslations(name: string): NameTranslations {
  const names = SERBIAN[name];
  if (!names) return {};
  return { en: name, "sr-Cyrl": names.cyrillic, "sr-Latn": serbianCyrillicToLatin(names.cyrillic), ...(names.uk ? { uk: names.uk } : {}) };
}
