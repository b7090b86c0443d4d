import type { DocumentSnapshot } from "../model/snapshot";
import { DocxError, readDocx } from "../docx";
import type { ThemeName } from "../taskpane/theme";

/** The sample monitoring documents (the .docx fixtures built from the two real documents, in dist/samples/). */
export const SAMPLES = [
  { id: "careers-provision", title: "Careers Provision" },
  { id: "care-leavers-eet", title: "Care Leavers EET" },
] as const;

export type SampleId = (typeof SAMPLES)[number]["id"];

export const THEME_NAMES: readonly { id: ThemeName; title: string }[] = [
  { id: "light", title: "Light" },
  { id: "dark", title: "Dark" },
  { id: "high-contrast", title: "High contrast" },
];

/** The Words the preview can simulate, by the highest WordApi requirement set each supports. */
export const WORD_APIS = [
  { id: "1.9", title: "API 1.9: Microsoft 365, web" },
  { id: "1.4", title: "API 1.4: no dropdowns" },
  { id: "1.3", title: "API 1.3: Office 2019, 2021" },
] as const;

export type WordApi = (typeof WORD_APIS)[number]["id"];

export interface InitialChoice {
  sample: SampleId;
  theme: ThemeName;
  wordApi: WordApi;
}

/** `?sample=care-leavers-eet&theme=dark&word=1.3` picks the first document, theme and Word (handy for links and tests). */
export function initialChoice(search: string): InitialChoice {
  const params = new URLSearchParams(search);
  const sample = SAMPLES.find((s) => s.id === params.get("sample"))?.id ?? SAMPLES[0].id;
  const theme = THEME_NAMES.find((t) => t.id === params.get("theme"))?.id ?? "light";
  const wordApi = WORD_APIS.find((w) => w.id === params.get("word"))?.id ?? "1.9";
  return { sample, theme, wordApi };
}

/** A document the preview holds: its name as shown, its snapshot, and the file's bytes (for Download .docx). */
export interface LoadedDocument {
  name: string;
  snapshot: DocumentSnapshot;
  bytes: Uint8Array;
}

export async function loadSample(id: SampleId): Promise<LoadedDocument> {
  const response = await fetch(`samples/${id}.docx`);
  if (!response.ok) throw new Error(`The sample ${id}.docx could not be loaded (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { name: `${id}.docx`, snapshot: await readDocx(bytes), bytes };
}

/** Reads a file the user chose. Throws an Error whose message is fit to show. */
export async function loadFile(file: File): Promise<LoadedDocument> {
  if (!/\.docx$/i.test(file.name)) {
    throw new Error(`“${file.name}” is not a Word document (.docx). Choose a .docx file saved from Word.`);
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { name: file.name, snapshot: await readDocx(bytes), bytes };
  } catch (error) {
    if (error instanceof DocxError) throw new Error(`“${file.name}” could not be opened: ${error.message}`);
    throw error;
  }
}
