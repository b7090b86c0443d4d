import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { GRADE_NAMES, type Analysis, type DocumentSnapshot, type Finding, type Location, type MonitoringDocument, type Recommendation } from "../../src/model";
import type { Plan } from "../../src/model/plan";
import type { WordGateway } from "../../src/word/gateway-types";
import { App } from "../../src/taskpane/App";
import type { Analyse } from "../../src/taskpane/useCheck";

export interface FakeGateway extends WordGateway {
  scan: jest.Mock<Promise<DocumentSnapshot>, []>;
  select: jest.Mock<Promise<void>, [Location]>;
  setAutoOpen: jest.Mock<Promise<void>, [boolean]>;
  apply: jest.Mock<Promise<void>, [Plan]>;
  cursor: jest.Mock<Promise<Location | null>, []>;
  saveSetting: jest.Mock<Promise<void>, [string, unknown]>;
}

export function fakeGateway(snapshot: DocumentSnapshot = { blocks: [] }): FakeGateway {
  let autoOpen = false;
  const settings = new Map<string, unknown>();
  return {
    apply: jest.fn(async (_plan: Plan) => undefined),
    cursor: jest.fn(async () => null),
    readSetting: (key: string) => settings.get(key) ?? null,
    saveSetting: jest.fn(async (key: string, value: unknown) => void settings.set(key, value)),
    scan: jest.fn(async () => snapshot),
    select: jest.fn(async (_location: Location) => undefined),
    capabilities: () => ({ wordApi14: true, wordApi19: false }),
    getAutoOpen: () => autoOpen,
    setAutoOpen: jest.fn(async (on: boolean) => {
      autoOpen = on;
    }),
  };
}

export function renderApp(gateway: WordGateway, analyse?: Analyse) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} analyse={analyse} />
    </FluentProvider>,
  );
}

const here = (row: number): Location => ({ kind: "cell", table: 1, row, cell: 1 });

function recommendation(number: string): Recommendation {
  return {
    number,
    text: `Recommendation ${number} text`,
    location: here(0),
    responsibility: null,
    targetDate: null,
    agreedAction: null,
    successMeasure: null,
    rounds: [],
  };
}

export function handMadeDocument(numbers: string[], review = "Scrutiny Review of Testing"): MonitoringDocument {
  return {
    title: "SCRUTINY MONITORING – PROGRESS UPDATE",
    review: { label: "Review:", text: review, location: here(1), labelLocation: null },
    linkOfficers: null,
    actionPlanAgreed: null,
    recommendations: numbers.map(recommendation),
    gradingKey: null,
    gradeNames: GRADE_NAMES,
    unrecognised: [],
    layout: "rows",
  };
}

export function finding(severity: Finding["severity"], message: string, recommendation?: string, row = 3): Finding {
  return { severity, code: `code-${severity}`, message, recommendation, location: here(row) };
}

/** A small analysis made by hand, for tests that are about the pane rather than the engine. */
export function handMadeAnalysis(findings: Finding[], numbers = ["1", "2", "3"]): Analysis {
  return {
    document: handMadeDocument(numbers),
    findings,
    totals: {
      latest: { 1: 1, 2: 1, 3: 0, 4: 0, none: 1 },
      rounds: [
        { label: "July 2021", month: "2021-07", counts: { 1: 0, 2: 2, 3: 0, 4: 0, none: 1 } },
        { label: "June 2022", month: "2022-06", counts: { 1: 1, 2: 1, 3: 0, 4: 0, none: 1 } },
      ],
      history: numbers.map((n) => ({
        recommendation: n,
        grades: [
          { label: "July 2021", month: "2021-07", grade: 2 },
          { label: "June 2022", month: "2022-06", grade: n === "3" ? null : 1 },
        ],
      })),
    },
    recognised: true,
  };
}
