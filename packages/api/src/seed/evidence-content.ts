import type { FindingSeverity, IntervieweeCategory } from "@vigil/db";
import type { AllegationCode } from "../interviews/shared.ts";

type DemoInterview = {
  pseudonym: string;
  category: IntervieweeCategory;
  allegations: AllegationCode[];
  notes: string;
  /** Days after the visit's start when a reprisal-risk follow-up is due; null without a risk. */
  followUpAfterDays: number | null;
};
type DemoFinding = { theme: string; text: string; severity: FindingSeverity; evidence?: string };
export type DemoVisitEvidence = { place: string; plannedStart?: string; findings: DemoFinding[]; interviews: DemoInterview[] };

/** Evidence for the visits the visit part seeds, found by place (and start date where a place has several). */
export const DEMO_EVIDENCE: Record<string, DemoVisitEvidence[]> = {
  RS: [
    {
      place: "Police Department Kruševac",
      plannedStart: "2014-06-12",
      findings: [
        { theme: "Материјални услови", text: "Просторије за задржавање немају природно светло ни тастер за позивање дежурног; душеци су прљави и поцепани.", severity: "high", evidence: "kruševac-cell-register.pdf" },
        { theme: "Правне гаранције", text: "У евиденцији о задржаним лицима недостају време обавештавања браниоца и породице за три од пет лица задржаних те ноћи.", severity: "critical" },
        { theme: "Здравствена заштита", text: "Задржана лица нису прегледана од стране лекара, ни кад су се жалила на повреде.", severity: "high" },
      ],
      interviews: [
        { pseudonym: "D-01", category: "detainee", allegations: ["during_arrest", "by_staff"], notes: "Наводи да је ударен по леђима приликом хапшења и да није добио лекарски преглед. Не жели да се његов случај помиње полицајцима.", followUpAfterDays: 14 },
        { pseudonym: "D-02", category: "detainee", allegations: ["safeguards_denied"], notes: "Није обавештен о праву на браниоца; породица није обавештена о задржавању.", followUpAfterDays: null },
        { pseudonym: "S-01", category: "staff", allegations: [], notes: "Дежурни полицајац каже да лекар долази само на позив и да књига евиденције нема рубрику за обавештавање браниоца.", followUpAfterDays: null },
      ],
    },
    {
      place: "Belgrade District Prison",
      findings: [
        { theme: "Пренасељеност", text: "У спаваоницама за осам лица смештено је по дванаест; неки спавају на душецима на поду.", severity: "high" },
      ],
      interviews: [
        { pseudonym: "D-01", category: "detainee", allegations: ["by_other_detainees", "threats_or_intimidation"], notes: "Каже да му други осуђеници прете откако се пожалио управи; тражи премештај.", followUpAfterDays: 21 },
      ],
    },
  ],
  UA: [
    {
      place: "Kyiv Pre-trial Detention Centre (Lukyanivska)",
      findings: [
        { theme: "Матеріальні умови", text: "У камерах слідчого ізолятора вологість і цвіль; вентиляція не працює.", severity: "high", evidence: "lukyanivska-inspection.pdf" },
        { theme: "Медична допомога", text: "Особи з туберкульозом утримуються разом з іншими до підтвердження діагнозу.", severity: "critical" },
      ],
      interviews: [
        { pseudonym: "D-01", category: "detainee", allegations: ["in_custody", "by_staff"], notes: "Розповідає, що його били під час обшуку камери; боїться наслідків після візиту.", followUpAfterDays: 14 },
        { pseudonym: "S-01", category: "staff", allegations: [], notes: "Лікар ізолятора каже, що рентген-апарат не працює з весни.", followUpAfterDays: null },
      ],
    },
    {
      place: "Temporary holding facility of the National Police, Kyiv",
      findings: [
        { theme: "Правові гарантії", text: "Журнал обліку затриманих не містить часу повідомлення родичів.", severity: "medium" },
      ],
      interviews: [
        { pseudonym: "D-01", category: "detainee", allegations: ["during_questioning"], notes: "Каже, що під час допиту йому погрожували, щоб він підписав пояснення.", followUpAfterDays: 10 },
      ],
    },
  ],
};

/** A minimal, valid one-page PDF that names what it stands in for. */
export function demoPdf(title: string): Buffer {
  const text = `(${title.replace(/[()\\]/g, "")}) Tj`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${text.length + 24} >>\nstream\nBT /F1 14 Tf 72 770 Td ${text} ET\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((object, index) => {
    const offset = Buffer.byteLength(body);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
