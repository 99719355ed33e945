export interface Text {
  zh: string;
  en: string;
}
