import { assessed, recommendation as rec, reply, verified, type DemoReport, type VisitRef } from "../report-plans.ts";

// The Ukrainian NPM's reports, in Ukrainian, from 2013 to today: several place types and
// authorities, every status, overdue and upcoming deadlines, and repeated recommendations to the
// same place across years.

const OLENA = "olena.kovalenko@npm-ukraine.example";
const ANDRII = "andrii.shevchenko@npm-ukraine.example";
const ANA = "ana.nikolic@see-npm-network.example";

// Authorities, by their registry names (registry-data.ts).
const MVS = "Ministry of Internal Affairs";
const MINJUST = "Ministry of Justice";
const MOZ = "Ministry of Health";
const MINSOC = "Ministry of Social Policy";
const POLICE = "National Police of Ukraine";
const MIGRATION = "State Migration Service";
const PENITENTIARY = "State Criminal Executive Service";

// Places, by their registry names.
const LUKYANIVSKA = "Kyiv Pre-trial Detention Centre (Lukyanivska)";
const KHARKIV = "Kharkiv Pre-trial Detention Centre";
const KYIV_HOLDING = "Temporary holding facility of the National Police, Kyiv";
const LVIV_HOLDING = "Temporary holding facility of the National Police, Lviv";
const KYIV_HOSPITAL = "Kyiv City Psychoneurological Hospital No. 1";
const RESIDENTIAL = "Psychoneurological residential institution, Kyiv Oblast";
const CHERNIHIV = "Temporary holding centre for foreigners, Chernihiv region";

// Themes, in the words the findings of the evidence seed use.
const SAFEGUARDS = "Правові гарантії";
const CONDITIONS = "Матеріальні умови";
const HEALTH = "Медична допомога";
const OVERCROWDING = "Переповненість";
const RECORDS = "Облік затриманих";
const RESTRAINT = "Заходи фізичного обмеження";
const FORCE = "Застосування сили";
const VULNERABLE = "Вразливі групи";
const CONTACT = "Контакт із зовнішнім світом";
const SAFETY = "Безпека";

const KYIV_NIGHT: VisitRef = { place: KYIV_HOLDING, start: "2014-12-09" };
const KYIV_FOLLOW_UP: VisitRef = { place: KYIV_HOLDING, start: -30 };
const KHARKIV_2013: VisitRef = { place: KHARKIV, start: "2013-09-17" };
const KHARKIV_FOLLOW_UP: VisitRef = { place: KHARKIV, start: "2021-06-08" };

export const UKRAINIAN_REPORTS: DemoReport[] = [
  {
    visit: KYIV_NIGHT,
    sentOn: "2015-01-26",
    summary: "Нічний візит до ізолятора тимчасового тримання в Києві 9 грудня 2014 року, спільно з НПМ Сербії: облік затриманих, доступ до захисника, умови тримання.",
    recommendations: [
      rec("high", [POLICE, MVS], [RECORDS, SAFEGUARDS], "Забезпечити ведення журналу обліку затриманих із зазначенням часу затримання, доставлення, повідомлення родичів і захисника та звільнення.",
        reply("2015-03-30", POLICE, "implemented", "Запроваджено нову форму журналу обліку затриманих з усіма графами, рекомендованими НПМ."),
        verified(-30, KYIV_FOLLOW_UP, "partially_implemented", "Під час повторного візиту встановлено, що для трьох осіб у журналі не зазначено час повідомлення родичів.")),
      rec("high", [POLICE, MVS], [SAFEGUARDS], "Забезпечити доступ затриманих до захисника з моменту фактичного затримання, зокрема під час першого допиту.",
        reply("2015-03-30", POLICE, "accepted", "Рекомендацію прийнято; ведуться переговори з центром безоплатної правничої допомоги."),
        assessed("2016-02-15", "implemented", "За даними центру безоплатної правничої допомоги, захисник прибуває до ізолятора протягом години після повідомлення.")),
      rec("medium", [POLICE, MVS], [CONDITIONS], "Обладнати камери ізолятора природним освітленням, вентиляцією та кнопками виклику чергового.",
        reply("2015-03-30", POLICE, "not_implemented", "Ремонт камер не проведено через відсутність фінансування.")),
    ],
  },
  {
    // The follow-up visit of the visit seed; its report is being drafted.
    visit: KYIV_FOLLOW_UP,
    followUpOf: KYIV_NIGHT,
    sentOn: null,
    summary: "Повторний візит до ізолятора тимчасового тримання в Києві для перевірки виконання рекомендацій 2015 року.",
    recommendations: [
      rec("high", [POLICE, MVS], [RECORDS], "Забезпечити ведення журналу обліку затриманих із зазначенням часу повідомлення родичів і захисника для кожної затриманої особи."),
    ],
  },
  {
    visit: { place: LUKYANIVSKA, start: "2025-10-06" },
    sentOn: "2025-11-10",
    summary: "Тематичний візит до Київського слідчого ізолятора 6–7 жовтня 2025 року: умови тримання осіб з інвалідністю.",
    recommendations: [
      rec("high", [PENITENTIARY, MINJUST], [VULNERABLE], "Забезпечити доступність камер, душових і прогулянкових дворів для осіб з інвалідністю."),
      rec("medium", [PENITENTIARY, MINJUST], [SAFEGUARDS, VULNERABLE], "Надавати особам з порушеннями зору та слуху інформацію про їхні права в доступних форматах.",
        reply("2026-01-05", PENITENTIARY, "accepted", "Рекомендацію прийнято; замовлено друк пам’ятки шрифтом Брайля.")),
      rec("high", [PENITENTIARY, MINJUST], [CONDITIONS], "Відремонтувати систему вентиляції в камерах корпусу № 3 та усунути вологість і цвіль.",
        reply("2026-02-02", PENITENTIARY, "not_implemented", "Кошти на ремонт вентиляції в бюджеті установи на поточний рік не передбачено.")),
    ],
  },
  {
    visit: {
      ...KHARKIV_2013, end: "2013-09-18", type: "in_depth", status: "closed",
      objectives: "Поглиблений візит: переповненість, медична допомога, туберкульоз.", team: [OLENA, ANDRII],
    },
    sentOn: "2013-10-28",
    summary: "Поглиблений візит до Харківського слідчого ізолятора 17–18 вересня 2013 року.",
    recommendations: [
      rec("high", [PENITENTIARY, MINJUST], [OVERCROWDING], "Зменшити переповненість камер, забезпечивши кожній особі не менше 4 м² житлової площі.",
        reply("2014-01-10", PENITENTIARY, "not_implemented", "Кількість осіб, узятих під варту, не залежить від адміністрації ізолятора."),
        verified("2021-06-08", KHARKIV_FOLLOW_UP, "not_implemented", "Під час повторного візиту в камерах на 8 осіб трималося по 12–14 осіб.")),
      rec("high", [PENITENTIARY, MINJUST], [HEALTH], "Забезпечити окреме тримання осіб з активною формою туберкульозу та їх своєчасне лікування.",
        reply("2014-01-10", PENITENTIARY, "partially_implemented", "Облаштовано окремий корпус для хворих на туберкульоз; діагностика триває до трьох тижнів.")),
    ],
  },
  {
    visit: {
      place: LVIV_HOLDING, start: "2016-03-22", end: "2016-03-22", type: "ad_hoc", status: "closed", nightVisit: true,
      objectives: "Неоголошений нічний візит: інформування про права, облік затриманих, умови в камерах.", team: [ANDRII, OLENA],
    },
    sentOn: "2016-04-28",
    summary: "Нічний візит до ізолятора тимчасового тримання у Львові 22 березня 2016 року.",
    recommendations: [
      rec("medium", [POLICE, MVS], [SAFEGUARDS], "Вручати кожній затриманій особі письмову інформацію про її права зрозумілою мовою під підпис.",
        reply("2016-06-20", POLICE, "implemented", "Пам’ятку про права перекладено шістьма мовами; вона вручається під підпис.")),
      rec("high", [POLICE, MVS], [RECORDS], "Забезпечити ведення журналу обліку затриманих із зазначенням часу затримання, повідомлення родичів і захисника та звільнення.",
        reply("2016-06-20", POLICE, "implemented", "Журнал обліку затриманих ведеться за новою формою.")),
      rec("low", [POLICE], [CONDITIONS], "Забезпечити затриманих матрацами, ковдрами та питною водою в нічний час.",
        reply("2016-06-20", POLICE, "implemented", "Придбано матраци й ковдри; питна вода доступна цілодобово.")),
    ],
  },
  {
    visit: {
      place: KYIV_HOSPITAL, start: "2017-11-14", end: "2017-11-15", type: "in_depth", status: "closed",
      objectives: "Поглиблений візит: заходи фізичного обмеження, згода на лікування, умови перебування.", team: [OLENA, ANA],
    },
    sentOn: "2017-12-22",
    summary: "Поглиблений візит до Київської міської психоневрологічної лікарні № 1 14–15 листопада 2017 року.",
    recommendations: [
      rec("high", [MOZ], [RESTRAINT], "Запровадити окремий журнал застосування заходів фізичного обмеження із зазначенням тривалості, причини та лікаря, який їх призначив.",
        reply("2018-03-01", MOZ, "in_progress", "Форму журналу розроблено; її запровадження в усіх відділеннях триває.")),
      rec("high", [MOZ], [SAFEGUARDS], "Отримувати інформовану згоду пацієнта на лікування та роз’яснювати йому його права.",
        reply("2018-03-01", MOZ, "rejected", "Адміністрація лікарні вважає чинний порядок отримання згоди достатнім.")),
      rec("medium", [MOZ], [CONDITIONS], "Забезпечити пацієнтам щоденні прогулянки на свіжому повітрі.",
        reply("2018-03-01", MOZ, "implemented", "Щоденні прогулянки запроваджено в усіх відділеннях.")),
    ],
  },
  {
    visit: {
      place: LUKYANIVSKA, start: "2018-04-17", end: "2018-04-18", type: "in_depth", status: "closed",
      objectives: "Поглиблений візит: медичний огляд при надходженні, переповненість, побачення.", team: [ANDRII, OLENA],
    },
    sentOn: "2018-05-28",
    summary: "Поглиблений візит до Київського слідчого ізолятора 17–18 квітня 2018 року.",
    recommendations: [
      rec("high", [PENITENTIARY, MINJUST], [HEALTH], "Забезпечити обов’язковий медичний огляд кожної новоприбулої особи з фіксацією тілесних ушкоджень.",
        reply("2018-07-30", PENITENTIARY, "implemented", "Медичний огляд при надходженні проводиться в день прибуття; ушкодження фіксуються в окремому журналі.")),
      rec("high", [PENITENTIARY, MINJUST], [OVERCROWDING], "Зменшити переповненість камер і забезпечити кожну особу окремим спальним місцем.",
        reply("2018-07-30", PENITENTIARY, "not_implemented", "Ліміт наповнення ізолятора перевищено через збільшення кількості осіб, узятих під варту.")),
      rec("low", [PENITENTIARY], [CONTACT], "Забезпечити можливість побачень із родичами не рідше одного разу на місяць.",
        reply("2018-07-30", PENITENTIARY, "accepted", "Рекомендацію прийнято; облаштовується додаткова кімната для побачень."),
        reply("2019-01-14", PENITENTIARY, "implemented", "Кімнату для побачень облаштовано; побачення надаються щомісяця.")),
    ],
  },
  {
    visit: {
      place: RESIDENTIAL, start: "2019-02-19", end: "2019-02-20", type: "in_depth", status: "closed",
      objectives: "Поглиблений візит: індивідуальні плани, догляд за лежачими мешканцями, персонал.", team: [OLENA, ANA],
    },
    sentOn: "2019-04-01",
    summary: "Поглиблений візит до психоневрологічного інтернату в Київській області 19–20 лютого 2019 року.",
    recommendations: [
      rec("medium", [MINSOC], [VULNERABLE], "Розробити індивідуальні плани підтримки для кожного мешканця та переглядати їх щонайменше раз на рік.",
        reply("2019-06-10", MINSOC, "partially_implemented", "Плани розроблено для половини мешканців.")),
      rec("high", [MINSOC], [HEALTH], "Забезпечити достатню кількість персоналу в нічні зміни для догляду за лежачими мешканцями.",
        reply("2019-06-10", MINSOC, "not_implemented", "Штатний розпис не дозволяє збільшити кількість нічного персоналу.")),
    ],
  },
  {
    visit: {
      place: CHERNIHIV, start: "2020-08-11", end: "2020-08-11", type: "thematic", status: "closed",
      objectives: "Тематичний візит: доступ іноземців до перекладача та правничої допомоги.", team: [ANDRII, ANA],
    },
    sentOn: "2020-09-21",
    summary: "Тематичний візит до пункту тимчасового перебування іноземців у Чернігівській області 11 серпня 2020 року.",
    recommendations: [
      rec("medium", [MIGRATION, MVS], [VULNERABLE], "Забезпечити іноземців перекладачем під час спілкування з адміністрацією та медичним персоналом.",
        reply("2020-11-16", MIGRATION, "implemented", "Укладено договір з бюро перекладів; доступний дистанційний переклад.")),
      rec("high", [MIGRATION, MVS], [SAFEGUARDS], "Забезпечити доступ іноземців до безоплатної правничої допомоги та можливість оскаржити затримання.",
        reply("2020-11-16", MIGRATION, "accepted", "Рекомендацію прийнято; готується меморандум з центром безоплатної правничої допомоги.")),
    ],
  },
  {
    visit: {
      ...KHARKIV_FOLLOW_UP, end: "2021-06-09", type: "follow_up", status: "closed",
      objectives: "Повторний візит: виконання рекомендацій 2013 року щодо переповненості та туберкульозу.", team: [OLENA],
    },
    followUpOf: KHARKIV_2013,
    sentOn: "2021-07-19",
    summary: "Повторний візит до Харківського слідчого ізолятора 8–9 червня 2021 року.",
    recommendations: [
      rec("high", [PENITENTIARY, MINJUST], [OVERCROWDING], "Зменшити переповненість камер та забезпечити кожній особі не менше 4 м² житлової площі й окреме спальне місце.",
        reply("2021-09-13", PENITENTIARY, "not_implemented", "Переповненість зумовлена кількістю осіб, узятих під варту судами регіону.")),
      rec("medium", [PENITENTIARY, MINJUST], [HEALTH], "Забезпечити рентгенологічне обстеження кожної новоприбулої особи протягом трьох днів.",
        reply("2021-09-13", PENITENTIARY, "implemented", "Придбано новий флюорограф; обстеження проводиться протягом двох днів.")),
    ],
  },
  {
    visit: {
      place: LVIV_HOLDING, start: "2023-05-16", end: "2023-05-16", type: "ad_hoc", status: "closed",
      objectives: "Неоголошений візит після скарги на застосування сили під час доставлення.", team: [ANDRII],
    },
    sentOn: "2023-06-26",
    summary: "Неоголошений візит до ізолятора тимчасового тримання у Львові 16 травня 2023 року.",
    recommendations: [
      // No answer ever came: both stay open and overdue.
      rec("high", [POLICE, MVS], [FORCE], "Забезпечити відеоспостереження в усіх приміщеннях, де перебувають затримані, зі зберіганням записів не менше 30 днів."),
      rec("medium", [POLICE, MVS], [SAFEGUARDS], "Негайно повідомляти родичів про затримання та фіксувати час повідомлення в журналі обліку затриманих."),
    ],
  },
  {
    visit: {
      place: KYIV_HOSPITAL, start: "2024-09-10", end: "2024-09-10", type: "ad_hoc", status: "closed",
      objectives: "Неоголошений візит: застосування заходів фізичного обмеження.", team: [OLENA, ANDRII],
    },
    sentOn: "2024-10-21",
    summary: "Неоголошений візит до Київської міської психоневрологічної лікарні № 1 10 вересня 2024 року.",
    recommendations: [
      rec("high", [MOZ], [RESTRAINT], "Запровадити окремий журнал застосування заходів фізичного обмеження із зазначенням тривалості, причини та лікаря, який їх призначив, в усіх відділеннях.",
        reply("2024-12-16", MOZ, "partially_implemented", "Журнал ведеться в чотирьох з шести відділень.")),
      rec("low", [MOZ], [CONDITIONS], "Облаштувати палати кнопками виклику персоналу."),
    ],
  },
  {
    visit: {
      place: KHARKIV, start: -90, end: -89, type: "ad_hoc", status: "report_sent",
      objectives: "Неоголошений візит: безпека осіб під вартою під час обстрілів, медичне забезпечення.", team: [OLENA, ANDRII],
    },
    sentOn: -62,
    summary: "Неоголошений візит до Харківського слідчого ізолятора: безпека під час повітряних тривог.",
    recommendations: [
      rec("high", [PENITENTIARY, MINJUST], [SAFETY], "Облаштувати укриття для всіх осіб, які тримаються в слідчому ізоляторі, на випадок повітряної тривоги."),
      rec("high", [PENITENTIARY, MINJUST], [HEALTH], "Забезпечити безперебійне постачання ліків і роботу медичної частини під час відключень електроенергії.",
        reply(-1, PENITENTIARY, "in_progress", "Придбано генератор для медичної частини; запас ліків формується.")),
    ],
  },
  {
    visit: {
      place: CHERNIHIV, start: -60, end: -60, type: "thematic", status: "report_sent",
      objectives: "Тематичний візит: умови перебування сімей з дітьми.", team: [ANDRII, ANA],
    },
    sentOn: -20,
    summary: "Тематичний візит до пункту тимчасового перебування іноземців у Чернігівській області: сім’ї з дітьми.",
    recommendations: [
      rec("high", [MIGRATION, MVS], [VULNERABLE], "Забезпечити окреме розміщення сімей з дітьми."),
      rec("medium", [MIGRATION], [CONDITIONS], "Забезпечити цілодобовий доступ до питної води та опалення в житлових кімнатах."),
    ],
  },
];
