import { assessed, recommendation as rec, reply, verified, type DemoReport, type VisitRef } from "../report-plans.ts";

// The Serbian NPM's reports, in Serbian Cyrillic, from 2013 to today. The Kruševac story (the
// night visit of June 2014 and its follow-up) comes first; the rest gives the lists and charts several years, place types,
// authorities and every status, with repeated recommendations to the same place across years.

const JELENA = "jelena.petrovic@npm-serbia.example";
const MARKO = "marko.jovanovic@npm-serbia.example";
const ANA = "ana.nikolic@see-npm-network.example";

// Authorities, by their registry names (registry-data.ts).
const PU_KRUSEVAC = "Police Department Kruševac";
const PU_NIS = "Police Department Niš";
const MUP = "Ministry of Interior";
const MPRAVDE = "Ministry of Justice";
const UIKS = "Administration for the Enforcement of Penal Sanctions";
const MZDRAVLJA = "Ministry of Health";
const MRZS = "Ministry of Labour, Employment, Veteran and Social Affairs";
const KIRS = "Commissariat for Refugees and Migration";

// Places, by their registry names.
const KRUSEVAC = "Police Department Kruševac";
const NIS = "Police Department Niš";
const BELGRADE_PRISON = "Belgrade District Prison";
const SREMSKA_MITROVICA = "Correctional Institution Sremska Mitrovica";
const ZABELA = "Correctional Institution Požarevac–Zabela";
const PRISON_HOSPITAL = "Special Prison Hospital Belgrade";
const TOPONICA = "Special Hospital for Psychiatric Diseases \"Gornja Toponica\"";
const VRSAC = "Special Hospital for Psychiatric Diseases \"Dr Slavoljub Bakalović\"";
const KOVIN = "Special Hospital for Psychiatric Diseases Kovin";
const KULINA = "Home for Adults \"Kulina\"";
const KRNJACA = "Asylum Centre Krnjača";
const BOGOVADJA = "Asylum Centre Bogovađa";
const BANJA_KOVILJACA = "Asylum Centre Banja Koviljača";

// Themes, in the words the findings of the evidence seed use.
const SAFEGUARDS = "Правне гаранције";
const CONDITIONS = "Материјални услови";
const HEALTH = "Здравствена заштита";
const OVERCROWDING = "Пренасељеност";
const RESTRAINT = "Мере спутавања";
const RIGHTS_INFO = "Информисање о правима";
const VULNERABLE = "Рањиве групе";
const CONTACT = "Контакт са спољним светом";
const TRAINING = "Обука особља";
const DISCIPLINE = "Дисциплинске мере";

/** The night visit of June 2014 (planned by the visit seed) and its follow-up visit. */
const KRUSEVAC_NIGHT: VisitRef = { place: KRUSEVAC, start: "2014-06-12" };
const KRUSEVAC_FOLLOW_UP: VisitRef = { place: KRUSEVAC, start: -40 };
const NIS_2013: VisitRef = { place: NIS, start: "2013-04-16" };
const NIS_FOLLOW_UP: VisitRef = { place: NIS, start: "2021-02-23" };

export const SERBIAN_REPORTS: DemoReport[] = [
  {
    visit: KRUSEVAC_NIGHT,
    sentOn: "2014-06-30",
    summary:
      "Ноћна ненајављена посета Полицијској управи у Крушевцу 12. јуна 2014. године. Тим је прегледао просторије за задржавање, евиденцију о задржаним лицима и разговарао насамо са задржаним лицима и полицијским службеницима. Евиденција није потпуна, лица нису писано обавештена о правима, а просторије за задржавање не испуњавају стандарде.",
    recommendations: [
      rec("high", [PU_KRUSEVAC, MUP], [SAFEGUARDS], "Да се за свако задржано лице води потпуна евиденција о задржавању, са временом лишења слободе, довођења, обавештавања браниоца и породице и пуштања.",
        reply("2014-08-25", PU_KRUSEVAC, "implemented", "Уведен је нови образац евиденције о задржаним лицима са свим рубрикама које је препоручио НПМ; дежурни службеници су упознати са обавезом уписа."),
        verified(-40, KRUSEVAC_FOLLOW_UP, "partially_implemented", "Контролном посетом утврђено је да се нови образац користи, али за два од шест лица задржаних током ноћних смена недостаје време обавештавања браниоца.")),
      rec("medium", [PU_KRUSEVAC, MUP], [RIGHTS_INFO], "Да се сваком задржаном лицу без одлагања уручи писано обавештење о правима на језику који разуме, а да се потписани примерак чува у списима.",
        reply("2014-08-25", PU_KRUSEVAC, "implemented", "Обавештење о правима одштампано је на српском, ромском, албанском и енглеском језику и уручује се сваком лицу уз потпис.")),
      rec("high", [PU_KRUSEVAC, MUP], [SAFEGUARDS], "Да се задржаним лицима омогући приступ браниоцу од самог почетка лишења слободе, укључујући и саслушање, уз поверљив разговор.",
        reply("2014-08-25", PU_KRUSEVAC, "implemented", "Службеницима је издато упутство да браниоца позову одмах по довођењу; за разговор са браниоцем одређена је посебна просторија.")),
      rec("high", [PU_KRUSEVAC, MUP], [HEALTH], "Да се сваком задржаном лицу омогући лекарски преглед ван домашаја слуха и, осим на захтев лекара, вида полицијских службеника, и да се свака повреда евидентира.",
        reply("2014-08-25", PU_KRUSEVAC, "partially_implemented", "Са Домом здравља Крушевац договорено је да лекар долази на позив у року од два сата; поверљивост прегледа још није обезбеђена у свим случајевима.")),
      rec("high", [PU_KRUSEVAC, MUP], [CONDITIONS], "Да се просторије за задржавање реновирају тако да испуњавају важеће стандарде: дневно светло, вентилација, тастер за позивање дежурног, чисти душеци и ћебад.",
        reply("2014-08-25", PU_KRUSEVAC, "not_implemented", "Просторије за задржавање нису реновиране због недостатка материјалних средстава; Управа је затражила средства од Министарства унутрашњих послова."),
        reply("2015-01-20", PU_KRUSEVAC, "implemented", "Опремљене су две нове просторије за задржавање у складу са важећим стандардима; старе просторије се више не користе."),
        verified(-40, KRUSEVAC_FOLLOW_UP, "implemented", "Контролном посетом утврђено је да се користе само две нове просторије, које имају дневно светло, вентилацију и тастер за позивање дежурног.")),
      rec("medium", [PU_KRUSEVAC, MUP], [SAFEGUARDS, CONTACT], "Да се о задржавању без одлагања обавести члан породице или друго лице по избору задржаног, а свако одлагање евидентира са разлозима.",
        reply("2014-08-25", PU_KRUSEVAC, "implemented", "У образац евиденције додата је рубрика за време и начин обавештавања породице и разлоге евентуалног одлагања.")),
    ],
  },
  {
    visit: { place: BELGRADE_PRISON, start: "2014-11-03" },
    sentOn: "2014-12-15",
    summary: "Темељна посета Окружном затвору у Београду од 3. до 5. новембра 2014. године: здравствена заштита, дисциплинске мере, контакт са спољним светом и материјални услови.",
    recommendations: [
      rec("high", [UIKS, MPRAVDE], [OVERCROWDING], "Да се смањи пренасељеност спаваоница тако да сваком лицу припадне најмање 4 m² и сопствени кревет.",
        reply("2015-02-20", UIKS, "partially_implemented", "Део притворених лица премештен је у Казнено-поправни завод Падинска Скела; број лица је и даље изнад капацитета."),
        assessed("2016-06-01", "not_implemented", "Према годишњем извештају Управе, број лица у Окружном затвору поново премашује капацитет за више од 30 %.")),
      rec("high", [UIKS, MPRAVDE], [HEALTH], "Да лекар прегледа свако новопримљено лице у року од 24 часа и да се све повреде уписују у посебан регистар.",
        reply("2015-02-20", UIKS, "implemented", "Уведен је регистар повреда; лекарски преглед при пријему обавља се истог или наредног дана.")),
      rec("medium", [UIKS, MPRAVDE], [DISCIPLINE], "Да се мера упућивања у самицу примењује само изузетно и најкраће могуће, уз свакодневни обилазак лекара.",
        reply("2015-02-20", UIKS, "rejected", "Управа сматра да постојећи правилник о дисциплинским мерама испуњава стандарде и да измене нису потребне.")),
      rec("low", [UIKS], [CONTACT], "Да се лицима без средстава омогући телефонирање породици најмање једном недељно о трошку установе.",
        reply("2015-02-20", UIKS, "accepted", "Препорука је прихваћена; установа тражи средства за телефонске картице."),
        reply("2015-09-14", UIKS, "in_progress", "Обезбеђене су картице за половину лица без средстава; набавка за остале је у току.")),
    ],
  },
  {
    // The follow-up visit of the visit seed verifies the 2014 recommendations; its report is being drafted.
    visit: KRUSEVAC_FOLLOW_UP,
    followUpOf: KRUSEVAC_NIGHT,
    sentOn: null,
    summary: "Контролна посета Полицијској управи у Крушевцу ради провере спровођења препорука из 2014. године.",
    recommendations: [
      rec("high", [PU_KRUSEVAC, MUP], [SAFEGUARDS], "Да се за свако задржано лице води потпуна евиденција о задржавању, са временом обавештавања браниоца и породице, и да старешина редовно контролише евиденцију."),
      rec("medium", [PU_KRUSEVAC, MUP], [RESTRAINT], "Да се у новим просторијама за задржавање обезбеди видео-надзор, а снимци чувају најмање 30 дана."),
    ],
  },
  {
    visit: {
      ...NIS_2013, end: "2013-04-16", type: "ad_hoc", status: "closed", nightVisit: true,
      objectives: "Ненајављена ноћна посета: поступање према задржаним лицима, евиденција и приступ браниоцу.", team: [JELENA, MARKO],
    },
    sentOn: "2013-05-21",
    summary: "Ноћна посета Полицијској управи у Нишу 16. априла 2013. године.",
    recommendations: [
      rec("high", [PU_NIS, MUP], [SAFEGUARDS], "Да се за свако задржано лице води потпуна евиденција о задржавању, са временом довођења, обавештавања браниоца и породице и пуштања.",
        reply("2013-07-15", PU_NIS, "implemented", "Уведена је нова књига евиденције о задржаним лицима."),
        verified("2021-02-23", NIS_FOLLOW_UP, "partially_implemented", "Контролном посетом утврђено је да евиденција није потпуна за лица задржана током ноћних смена.")),
      rec("high", [PU_NIS, MUP], [SAFEGUARDS], "Да се задржаним лицима омогући приступ браниоцу пре првог саслушања.",
        reply("2013-07-15", PU_NIS, "rejected", "Управа сматра да се право на браниоца остварује у складу са Закоником о кривичном поступку.")),
      rec("medium", [PU_NIS, MUP], [CONDITIONS], "Да се у просторијама за задржавање обезбеди дневно светло и вентилација.",
        reply("2013-07-15", PU_NIS, "not_implemented", "За радове нису обезбеђена средства.")),
    ],
  },
  {
    visit: {
      place: TOPONICA, start: "2015-03-10", end: "2015-03-11", type: "in_depth", status: "closed",
      objectives: "Темељна посета: принудни смештај, мере спутавања, пристанак на лечење, услови смештаја.", team: [JELENA, ANA],
    },
    sentOn: "2015-04-20",
    summary: "Темељна посета Специјалној болници за психијатријске болести „Горња Топоница” 10. и 11. марта 2015. године.",
    recommendations: [
      rec("high", [MZDRAVLJA], [RESTRAINT], "Да се води посебан регистар сваке примене механичког спутавања, са трајањем, разлогом и именом лекара који је наложио меру.",
        reply("2015-06-25", MZDRAVLJA, "implemented", "Регистар мера спутавања уведен је на свим одељењима.")),
      rec("high", [MZDRAVLJA], [HEALTH], "Да се пре сваког медицинског третмана прибави информисани пристанак пацијента или његовог законског заступника.",
        reply("2015-06-25", MZDRAVLJA, "accepted", "Препорука је прихваћена; припрема се нови образац пристанка."),
        assessed("2016-05-10", "in_progress", "Образац пристанка уведен је на два од пет одељења.")),
      rec("medium", [MZDRAVLJA], [CONDITIONS], "Да се смањи број пацијената у спаваоницама одељења за хроничну психијатрију и обезбеди приватност.",
        reply("2015-06-25", MZDRAVLJA, "partially_implemented", "Отпуштањем дела пацијената у заједницу број кревета у спаваоницама смањен је са дванаест на осам.")),
    ],
  },
  {
    visit: {
      place: SREMSKA_MITROVICA, start: "2016-09-20", end: "2016-09-22", type: "in_depth", status: "closed",
      objectives: "Темељна посета: одељење појачаног надзора, здравствена заштита, средства принуде.", team: [JELENA, MARKO],
    },
    sentOn: "2016-11-01",
    summary: "Темељна посета Казнено-поправном заводу у Сремској Митровици од 20. до 22. септембра 2016. године.",
    recommendations: [
      rec("medium", [UIKS, MPRAVDE], [CONDITIONS], "Да се осуђенима у одељењу појачаног надзора обезбеди најмање два сата боравка на свежем ваздуху дневно.",
        reply("2017-01-10", UIKS, "implemented", "Распоред шетње измењен је тако да свако лице има два сата дневно.")),
      rec("high", [UIKS, MPRAVDE], [HEALTH], "Да се попуни број медицинског особља према систематизацији, посебно психијатра.",
        reply("2017-01-10", UIKS, "not_implemented", "Због забране запошљавања у јавном сектору радна места нису попуњена.")),
      rec("medium", [UIKS], [TRAINING, RESTRAINT], "Да се сви службеници обезбеђења обуче о примени средстава принуде и њиховом евидентирању.",
        reply("2017-01-10", UIKS, "in_progress", "Обука је почела; до сада је обучено 40 % службеника."),
        reply("2017-05-15", UIKS, "implemented", "Обуку су завршили сви службеници обезбеђења.")),
    ],
  },
  {
    visit: {
      place: KRNJACA, start: "2017-06-13", end: "2017-06-13", type: "thematic", status: "closed",
      objectives: "Тематска посета: положај деце без пратње и информисање тражилаца азила.", team: [ANA, MARKO],
    },
    sentOn: "2017-07-20",
    summary: "Тематска посета Центру за азил Крњача 13. јуна 2017. године.",
    recommendations: [
      rec("medium", [KIRS], [RIGHTS_INFO], "Да се тражиоцима азила обезбеде писане информације о правима и поступку азила на језику који разумеју.",
        reply("2017-09-05", KIRS, "implemented", "Информације су преведене на арапски, фарси, урду и пашту и истакнуте у центру.")),
      rec("high", [KIRS], [VULNERABLE], "Да се деци без пратње обезбеди смештај одвојен од одраслих и старатељ одмах по пријему.",
        reply("2017-09-05", KIRS, "partially_implemented", "Деца без пратње смештена су у посебан део центра; старатељ се одређује у року од седам дана.")),
    ],
  },
  {
    visit: {
      place: KULINA, start: "2018-10-09", end: "2018-10-10", type: "in_depth", status: "closed",
      objectives: "Темељна посета: мере спутавања, индивидуални планови подршке, приватност корисника.", team: [JELENA, ANA],
    },
    sentOn: "2018-11-26",
    summary: "Темељна посета Дому за смештај одраслих лица „Кулина” 9. и 10. октобра 2018. године.",
    recommendations: [
      rec("high", [MRZS], [RESTRAINT], "Да се мере спутавања корисника примењују само по налогу лекара и евидентирају у посебном регистру.",
        reply("2019-02-01", MRZS, "in_progress", "Израђује се правилник о примени мера спутавања у установама социјалне заштите.")),
      rec("medium", [MRZS], [VULNERABLE], "Да се за сваког корисника сачини индивидуални план подршке и редовно преиспитује.",
        reply("2019-02-01", MRZS, "accepted", "Дом ће израдити планове за све кориснике до краја године.")),
      rec("low", [MRZS], [CONDITIONS], "Да се обезбеди приватност у купатилима и тоалетима.",
        reply("2019-02-01", MRZS, "implemented", "Постављене су преграде и завесе у свим купатилима.")),
    ],
  },
  {
    visit: {
      place: ZABELA, start: "2019-05-14", end: "2019-05-15", type: "in_depth", status: "closed",
      objectives: "Темељна посета: затворено одељење, пренасељеност, здравствена заштита.", team: [MARKO, JELENA],
    },
    sentOn: "2019-06-28",
    summary: "Темељна посета Казнено-поправном заводу Пожаревац–Забела 14. и 15. маја 2019. године.",
    recommendations: [
      rec("high", [UIKS, MPRAVDE], [OVERCROWDING], "Да се смањи пренасељеност затвореног одељења и сваком осуђенику обезбеди сопствени кревет.",
        reply("2019-09-02", UIKS, "not_implemented", "Смањење броја осуђених није могуће без изградње новог павиљона.")),
      rec("high", [UIKS, MPRAVDE], [HEALTH], "Да се осуђенима омогући поверљив разговор са лекаром, без присуства службеника обезбеђења.",
        reply("2019-09-02", UIKS, "rejected", "Присуство службеника обезбеђења неопходно је из безбедносних разлога.")),
    ],
  },
  {
    visit: {
      ...NIS_FOLLOW_UP, end: "2021-02-23", type: "follow_up", status: "closed",
      objectives: "Контролна посета: спровођење препорука из 2013. године о евиденцији и приступу браниоцу.", team: [MARKO],
    },
    followUpOf: NIS_2013,
    sentOn: "2021-03-30",
    summary: "Контролна посета Полицијској управи у Нишу 23. фебруара 2021. године.",
    recommendations: [
      rec("high", [PU_NIS, MUP], [SAFEGUARDS], "Да се за свако задржано лице води потпуна евиденција о задржавању, укључујући време обавештавања браниоца и породице.",
        reply("2021-05-20", PU_NIS, "partially_implemented", "Дежурни старешина свакодневно проверава евиденцију; уписи за ноћне смене још нису потпуни.")),
      rec("high", [PU_NIS, MUP], [SAFEGUARDS], "Да се задржаним лицима омогући приступ браниоцу од самог почетка задржавања, укључујући и прво саслушање.",
        reply("2021-05-20", PU_NIS, "in_progress", "Са Адвокатском комором Ниш договара се дежурство бранилаца.")),
    ],
  },
  {
    visit: {
      place: KOVIN, start: "2022-11-08", end: "2022-11-08", type: "ad_hoc", status: "closed",
      objectives: "Ненајављена посета после притужбе на примену изолације.", team: [ANA, MARKO],
    },
    sentOn: "2022-12-20",
    summary: "Ненајављена посета Специјалној болници за психијатријске болести Ковин 8. новембра 2022. године.",
    recommendations: [
      // No answer ever came: both stay open and overdue.
      rec("medium", [MZDRAVLJA], [CONDITIONS], "Да се свим пацијентима обезбеди свакодневни боравак на свежем ваздуху."),
      rec("high", [MZDRAVLJA], [RESTRAINT], "Да се изолација пацијената примењује само као крајња мера, по налогу лекара, и да се евидентира у посебном регистру."),
    ],
  },
  {
    visit: {
      place: BOGOVADJA, start: "2024-04-16", end: "2024-04-16", type: "thematic", status: "closed",
      objectives: "Тематска посета: здравствена заштита и правна помоћ тражиоцима азила.", team: [ANA],
    },
    sentOn: "2024-05-27",
    summary: "Тематска посета Центру за азил Боговађа 16. априла 2024. године.",
    recommendations: [
      rec("medium", [KIRS], [VULNERABLE, HEALTH], "Да се обезбеде преводиоци током лекарских прегледа тражилаца азила.",
        reply("2024-07-22", KIRS, "accepted", "Комесаријат ће ангажовати преводиоце преко пројекта УНХЦР-а.")),
      rec("medium", [KIRS], [SAFEGUARDS], "Да се тражиоцима азила у центру омогући приступ бесплатној правној помоћи."),
    ],
  },
  {
    visit: {
      place: VRSAC, start: "2025-09-16", end: "2025-09-17", type: "in_depth", status: "report_sent",
      objectives: "Темељна посета: принудни смештај, мере спутавања, информисање пацијената о правима.", team: [JELENA, MARKO, ANA],
    },
    sentOn: "2025-10-31",
    summary: "Темељна посета Специјалној болници за психијатријске болести „Др Славољуб Бакаловић” у Вршцу 16. и 17. септембра 2025. године.",
    recommendations: [
      rec("high", [MZDRAVLJA], [RIGHTS_INFO], "Да се пацијенти на принудном смештају писано обавесте о праву на жалбу суду.",
        reply("2026-01-15", MZDRAVLJA, "accepted", "Болница припрема обавештење о правима пацијената на принудном смештају.")),
      rec("high", [MZDRAVLJA], [RESTRAINT], "Да се води посебан регистар сваке примене механичког спутавања, са трајањем, разлогом и именом лекара који је наложио меру."),
      rec("medium", [MZDRAVLJA], [CONDITIONS], "Да се реновирају тоалети на мушком пријемном одељењу."),
    ],
  },
  {
    visit: {
      place: PRISON_HOSPITAL, start: -50, end: -49, type: "in_depth", status: "report_sent",
      objectives: "Темељна посета: особље, поверљивост прегледа, радна терапија.", team: [JELENA, ANA],
    },
    sentOn: -25,
    summary: "Темељна посета Специјалној затворској болници у Београду.",
    recommendations: [
      rec("high", [UIKS, MPRAVDE], [HEALTH], "Да се попуни број медицинских сестара и техничара према систематизацији."),
      rec("high", [UIKS, MPRAVDE], [HEALTH], "Да лекарски прегледи буду поверљиви, ван домашаја слуха службеника обезбеђења."),
      rec("low", [UIKS], [CONDITIONS], "Да се пацијентима обезбеди радна терапија и боравак на свежем ваздуху."),
    ],
  },
  {
    visit: {
      place: BANJA_KOVILJACA, start: -70, end: -70, type: "ad_hoc", status: "report_sent",
      objectives: "Ненајављена посета после вести о лошим условима смештаја породица са децом.", team: [MARKO, ANA],
    },
    sentOn: -45,
    summary: "Ненајављена посета Центру за азил Бања Ковиљача.",
    recommendations: [
      rec("high", [KIRS], [VULNERABLE], "Да се породицама са децом обезбеди одвојен смештај.",
        reply(-10, KIRS, "accepted", "Породице са децом биће пресељене у засебан објекат до краја месеца.")),
      rec("medium", [KIRS], [CONDITIONS], "Да се пре зимске сезоне обезбеди грејање у свим собама."),
    ],
  },
];
