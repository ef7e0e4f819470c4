import { useTranslation } from "react-i18next";

export default function Home() {
  const { t } = useTranslation();
  return <main className="p-8">{t("landing.title")}</main>;
}
