export interface Text {
  zh: string;
  en: string;
}
export type Sex = 'female' | 'male';
