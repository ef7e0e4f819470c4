import { withTenant, type TenantTx } from "@vigil/db";
import { serbianCyrillicToLatin, type Locale } from "@vigil/i18n";
import type { Actor } from "../core/actor.ts";
import { publishPost, savePost } from "../public-site/posts.ts";
import { publishReport } from "../public-site/reports.ts";
import { saveSiteSettings } from "../public-site/settings.ts";
import { ownerActor, type DemoWorkspaceContext } from "./context.ts";

/**
 * The demo's public sites (issue 17): Serbia's in Serbian (Cyrillic and Latin) and English, whose
 * news retells what the workspace also holds as records (the Kruševac night visit and its follow-up,
 * Ukraine's visit and the joint visits of December 2014, the First South-East European OPCAT Forum,
 * the CPT's visit, the asylum press conference), with the Kruševac report published; Ukraine's in
 * Ukrainian and English with one post about the joint visits. Written through the same services as the app.
 */
type DemoPost = {
  slug: string;
  publishedAt: string;
  sr: { title: string; body: string };
  en: { title: string; body: string };
  /** Links, by what the seed can find: the Kruševac report, a place by name, the OPCAT forum. */
  report?: "krusevac";
  place?: string;
  forum?: boolean;
};

const SERBIAN_POSTS: DemoPost[] = [
  {
    slug: "nocna-poseta-pu-krusevac",
    publishedAt: "2014-07-02T10:00:00Z",
    report: "krusevac",
    place: "Police Department Kruševac",
    sr: {
      title: "Ноћна посета Полицијској управи у Крушевцу",
      body: "Тим Националног механизма за превенцију тортуре обавио је у јуну 2014. године ненајављену **ноћну посету** Полицијској управи у Крушевцу. Прегледане су просторије за задржавање и евиденција о задржаним лицима, а разговори са задржаним лицима вођени су насамо.\n\nИзвештај са препорукама упућен је Полицијској управи у Крушевцу и Министарству унутрашњих послова.",
    },
    en: {
      title: "Night visit to the Police Department Kruševac",
      body: "In June 2014 a team of the National Preventive Mechanism made an unannounced **night visit** to the Police Department Kruševac. It examined the detention premises and the custody records and spoke in private with the persons held.\n\nThe report and its recommendations went to the Police Department Kruševac and the Ministry of Interior.",
    },
  },
  {
    slug: "odgovor-pu-krusevac",
    publishedAt: "2015-01-20T10:00:00Z",
    report: "krusevac",
    place: "Police Department Kruševac",
    sr: {
      title: "Полицијска управа у Крушевцу: пример добре сарадње",
      body: "Полицијска управа у Крушевцу одговорила је у августу 2014. године да је поступила по већини препорука; просторије за задржавање нису реновиране због недостатка материјалних средстава.\n\nУ јануару 2015. године Управа је обавестила Механизам да су опремљене **две нове просторије за задржавање** у складу са важећим стандардима. Ово је пример добре сарадње органа са Механизмом.",
    },
    en: {
      title: "Police Department Kruševac: an example of good cooperation",
      body: "In August 2014 the Police Department Kruševac answered that it had complied with most recommendations; the detention premises were not renovated for lack of material resources.\n\nIn January 2015 the Department informed the Mechanism that **two new detention facilities** had been equipped to the applicable standards: an example of good cooperation between an authority and the Mechanism.",
    },
  },
  {
    slug: "poseta-npm-ukrajine",
    publishedAt: "2014-12-25T10:00:00Z",
    sr: {
      title: "Посета Националног механизма Украјине",
      body: "Представници Националног механизма за превенцију тортуре Украјине боравили су у Србији од 22. до 24. децембра 2014. године. На састанку у Заштитнику грађана 22. децембра заменик заштитника грађана **Милош Јанковић** представио је институцију и рад Механизма.\n\nГости су са тимом Механизма обавили заједничке посете затвору, полицијским станицама, психијатријској болници и установи социјалне заштите, како би се упознали са методологијом рада.",
    },
    en: {
      title: "Visit of Ukraine's National Preventive Mechanism",
      body: "Representatives of Ukraine's National Preventive Mechanism were in Serbia from 22 to 24 December 2014. At a meeting at the Protector of Citizens on 22 December, Deputy Ombudsman **Miloš Janković** presented the institution and the Mechanism's work.\n\nWith the Mechanism's team, the guests made joint visits to a prison, police stations, a psychiatric hospital and a social care institution, to learn its methodology.",
    },
  },
  {
    slug: "prvi-opcat-forum-jugoistocne-evrope",
    publishedAt: "2014-11-28T16:00:00Z",
    forum: true,
    sr: {
      title: "Први ОПЦАТ форум Југоисточне Европе",
      body: "Први ОПЦАТ форум Југоисточне Европе одржан је у Београду 27. новембра 2014. године, уз подршку Мисије ОЕБС у Србији и УНХЦР-а.\n\nНаредног дана одржана је конференција „Превенција тортуре и других облика злостављања и борба против некажњивости”.",
    },
    en: {
      title: "First South-East European OPCAT Forum",
      body: "The First South-East European OPCAT Forum was held in Belgrade on 27 November 2014, with the support of the OSCE Mission to Serbia and UNHCR.\n\nThe next day, the conference \"Prevention of torture and other forms of ill-treatment and the fight against impunity\" took place.",
    },
  },
  {
    slug: "zavrsni-sastanak-cpt",
    publishedAt: "2015-04-03T12:00:00Z",
    sr: {
      title: "Завршни састанак са председником Европског комитета за спречавање мучења",
      body: "Заменица заштитника грађана **Гордана Стевановић** и представници Механизма састали су се са председником Европског комитета за спречавање мучења и нечовечних или понижавајућих поступања или кажњавања, **Миколом Гнатовским**, на крају двонедељне посете Комитета Србији.\n\nРазговарало се о овлашћењима Механизма, сарадњи са органима и проблемима са којима се суочава. Комитет је похвалио рад Механизма и указао на недовољан број запослених.",
    },
    en: {
      title: "Final meeting with the President of the European Committee for the Prevention of Torture",
      body: "Deputy Ombudsman **Gordana Stevanović** and representatives of the Mechanism met the President of the European Committee for the Prevention of Torture and Inhuman or Degrading Treatment or Punishment, **Mykola Gnatovskyy**, at the end of the Committee's two-week visit to Serbia.\n\nThey discussed the Mechanism's powers, its cooperation with the authorities and the problems it meets. The Committee commended the Mechanism's work and noted its insufficient staffing.",
    },
  },
  {
    slug: "konferencija-azil-i-migracije",
    publishedAt: "2015-06-18T11:00:00Z",
    sr: {
      title: "Конференција за медије о изазовима азила и миграција",
      body: "Заштитник грађана је са Министарством унутрашњих послова и УНХЦР-ом организовао конференцију за медије о изазовима азила и миграција.\n\nВећина тражилаца азила у Србији су мигранти у транзиту ка другим земљама Европске уније, а проблем захтева међународну сарадњу.",
    },
    en: {
      title: "Press conference on the challenges of asylum and migration",
      body: "The Protector of Citizens organised a press conference on the challenges of asylum and migration with the Ministry of Interior and UNHCR.\n\nMost asylum seekers in Serbia are migrants in transit to other EU countries, and the problem needs international cooperation.",
    },
  },
];

const UKRAINIAN_POST = {
  slug: "spilni-vizyty-serbiia",
  publishedAt: "2014-12-26T10:00:00Z",
  uk: {
    title: "Спільні візити з Національним превентивним механізмом Сербії",
    body: "З 22 по 24 грудня 2014 року представники Національного превентивного механізму України перебували в Сербії. Після зустрічі в Захисника громадян 22 грудня вони разом із сербськими колегами здійснили **спільні візити** до в'язниці, поліцейських станцій, психіатричної лікарні та установи соціального захисту, щоб ознайомитися з методологією моніторингу.",
  },
  en: {
    title: "Joint visits with Serbia's National Preventive Mechanism",
    body: "From 22 to 24 December 2014, representatives of Ukraine's National Preventive Mechanism were in Serbia. After a meeting at the Protector of Citizens on 22 December, they made **joint visits** with their Serbian colleagues to a prison, police stations, a psychiatric hospital and a social care institution, to learn the monitoring methodology.",
  },
};

async function krusevacReport(tx: TenantTx): Promise<string | null> {
  const report = await tx.report.findFirst({
    where: { status: "sent", visit: { plannedStart: new Date("2014-06-12"), place: { name: "Police Department Kruševac" } } },
    select: { id: true },
  });
  return report?.id ?? null;
}

/** Saves and publishes one post, then sets its publication date to the day the story happened. */
async function publishDemoPost(tx: TenantTx, actor: Actor, input: Parameters<typeof savePost>[2], publishedAt: string) {
  const post = await savePost(tx, actor, input);
  await publishPost(tx, actor, post.id);
  await tx.publicPost.update({ where: { tenantId_id: { tenantId: actor.tenantId, id: post.id } }, data: { publishedAt: new Date(publishedAt), updatedAt: new Date(publishedAt) } });
}

export async function seedPublicSites(workspaces: DemoWorkspaceContext[]): Promise<void> {
  const serbia = workspaces.find((w) => w.countryCode === "RS");
  const ukraine = workspaces.find((w) => w.countryCode === "UA");
  if (serbia) {
    const actor = ownerActor(serbia);
    await withTenant(serbia.tenantId, actor.userId, async (tx) => {
      const mandateSr = "Заштитник грађана обавља послове Националног механизма за превенцију тортуре (НПМ) према Опционом протоколу уз Конвенцију против тортуре: редовно посећује места на којима се налазе лица лишена слободе и упућује препоруке надлежним органима.";
      await saveSiteSettings(tx, actor, {
        enabled: true,
        languages: ["sr-Cyrl", "sr-Latn", "en"],
        mandate: {
          "sr-Cyrl": mandateSr,
          "sr-Latn": serbianCyrillicToLatin(mandateSr),
          en: "The Protector of Citizens carries out the work of the National Preventive Mechanism against torture (NPM) under the Optional Protocol to the Convention against Torture: it regularly visits places where people are deprived of their liberty and makes recommendations to the authorities.",
        },
      });
      const reportId = await krusevacReport(tx);
      if (reportId) await publishReport(tx, actor, reportId);
      const forum = await tx.forum.findFirst({ where: { name: "First South-East European OPCAT Forum" }, select: { id: true } });
      for (const post of SERBIAN_POSTS) {
        const place = post.place ? await tx.place.findFirst({ where: { name: post.place }, select: { id: true } }) : null;
        const translations: { language: Locale; title: string; body: string }[] = [
          { language: "sr-Cyrl", ...post.sr },
          { language: "sr-Latn", title: serbianCyrillicToLatin(post.sr.title), body: serbianCyrillicToLatin(post.sr.body) },
          { language: "en", ...post.en },
        ];
        await publishDemoPost(
          tx, actor,
          { slug: post.slug, translations, reportId: post.report && reportId ? reportId : null, placeId: place?.id ?? null, forumId: post.forum ? (forum?.id ?? null) : null },
          post.publishedAt,
        );
      }
    });
  }
  if (ukraine) {
    const actor = ownerActor(ukraine);
    await withTenant(ukraine.tenantId, actor.userId, async (tx) => {
      await saveSiteSettings(tx, actor, {
        enabled: true,
        languages: ["uk", "en"],
        mandate: {
          uk: "Уповноважений Верховної Ради України з прав людини здійснює функції Національного превентивного механізму за моделлю «Омбудсман+»: разом із представниками громадськості відвідує місця несвободи та надає рекомендації органам влади.",
          en: "The Ukrainian Parliament Commissioner for Human Rights carries out the work of the National Preventive Mechanism in the \"Ombudsman+\" model: with civil-society monitors it visits places of deprivation of liberty and makes recommendations to the authorities.",
        },
      });
      await publishDemoPost(
        tx, actor,
        { slug: UKRAINIAN_POST.slug, translations: [{ language: "uk", ...UKRAINIAN_POST.uk }, { language: "en", ...UKRAINIAN_POST.en }] },
        UKRAINIAN_POST.publishedAt,
      );
    });
  }
}
