import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import {
  Button,
  Caption1,
  FluentProvider,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DismissRegular, DocumentRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { Plan } from "../model/plan";
import type { Location } from "../model/snapshot";
import { TYPED_LINE_END, installSimulatedWord, paragraphPlace, snapshotOfDocument, typedTextOf, type SimulatedWord } from "../simulated-word";
import { Pane } from "../taskpane/mount";
import { THEMES, type ThemeName } from "../taskpane/theme";
import { createWordGateway } from "../word/gateway";
import type { WordGateway } from "../word/gateway-types";
import { publishAutomation } from "./automation";
import { decorationsOf } from "./decorations";
import { docxWithWrites, recordChoice, recordJoin, recordTyping, saveFile, type WriteLog } from "./download";
import { DocumentView } from "./DocumentView";
import { TypingHistory } from "./typing-history";
import {
  SAMPLES,
  THEME_NAMES,
  WORD_APIS,
  loadFile,
  loadSample,
  type InitialChoice,
  type LoadedDocument,
  type SampleId,
  type WordApi,
} from "./samples";

const useStyles = makeStyles({
  app: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    // Narrow and short (a 1,280 × 720 screen at 200 %: 640 × 360): the toolbar scrolls away with the rest rather
    // than keeping a third of the window.
    "@media (max-width: 900px)": { overflowY: "auto" },
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, marginRight: "auto" },
  field: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  hiddenInput: { display: "none" },
  // Off screen until focused: the first Tab stop, past the document's many text boxes to the pane.
  skipLink: {
    position: "absolute",
    left: "-10000px",
    top: tokens.spacingVerticalS,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    ":focus": { left: tokens.spacingHorizontalL, outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  message: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  main: {
    display: "flex",
    flexGrow: 1,
    minHeight: 0,
    // A narrow window (a 1,280 px screen at 200 % zoom): the pane goes under the document, as it cannot sit beside it.
    "@media (max-width: 900px)": { flexDirection: "column", flexShrink: 0, overflow: "visible" },
  },
  // position: relative keeps absolutely positioned bits (visually hidden text, switch inputs) inside the scroller.
  document: {
    position: "relative",
    flexGrow: 1,
    minWidth: 0,
    overflow: "auto",
    padding: tokens.spacingHorizontalXXL,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "@media (max-width: 900px)": { flexShrink: 0, overflow: "visible", padding: tokens.spacingHorizontalM },
  },
  documentName: { display: "block", textAlign: "center", marginBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
  pane: {
    display: "flex",
    flexDirection: "column",
    flexShrink: 0,
    width: "360px",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    // Focused only by the skip link, as a starting point for Tab: its controls show focus, not the whole pane.
    ":focus": { outline: "none" },
    backgroundColor: tokens.colorNeutralBackground1,
    "@media (max-width: 900px)": {
      width: "auto",
      borderLeft: "none",
      borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    },
  },
  paneTitle: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  paneBody: {
    position: "relative",
    flexGrow: 1,
    overflow: "auto",
    // The pane fills Word's task pane (100vh); here it fills the space under the title bar instead.
    "& > .fui-FluentProvider": { minHeight: "100%", display: "flex", flexDirection: "column" },
    "& > .fui-FluentProvider > main": { minHeight: "auto", flexGrow: 1 },
  },
  loading: { padding: tokens.spacingHorizontalXXL },
});

/** The simulated Word holding one document, and the real gateway over it. */
interface OpenWord {
  /** Changes with every document opened (and every change of Word), so the pane starts afresh. */
  serial: number;
  name: string;
  wordApi: WordApi;
  word: SimulatedWord;
  gateway: WordGateway;
  /** The opened file and the plans applied since, replayed on it by Download .docx. */
  log: WriteLog;
  /** Typing on the page, with its Undo and Redo. */
  typing: TypingHistory;
}

/**
 * Typing in the page changes the simulated Word's document, as typing in Word does (and is logged for Download
 * .docx); `redraw` then has the page draw it. Undo and Redo take back what was typed, until a write from the pane
 * or a dropdown's choice ends the history (see typing-history.ts).
 */
function pageTyping(word: SimulatedWord, log: WriteLog, redraw: () => void): TypingHistory {
  return new TypingHistory(
    {
      type(paragraph, typed) {
        const before = paragraphPlace(word.document, paragraph);
        word.typeText(paragraph, typed);
        const after = paragraphPlace(word.document, paragraph);
        if (before && after) recordTyping(log, before, typed, after.text);
        redraw();
      },
      join(paragraph) {
        const met = word.joinWithPrevious(paragraph);
        if (met) {
          recordJoin(log);
          redraw();
        }
        return met;
      },
    },
    (paragraph) => typedTextOf(word.document, paragraph),
    TYPED_LINE_END,
  );
}

/**
 * The real gateway, telling the page to redraw the document after every write it applies (or refuses),
 * and recording each plan Word applied, for Download .docx to replay on the file.
 */
function redrawingGateway(onWrite: () => void, onApplied: (plan: Plan) => void): WordGateway {
  const gateway = createWordGateway();
  return {
    ...gateway,
    apply: async (plan) => {
      try {
        await gateway.apply(plan);
        onApplied(plan);
      } finally {
        onWrite();
      }
    },
  };
}

/**
 * The preview: the real task pane (src/taskpane) with the real gateway (src/word), running against a simulated
 * Word that holds a sample monitoring document or one the user opens, drawn beside it like a Word page.
 */
export function PreviewApp({ initial }: { initial: InitialChoice }) {
  const styles = useStyles();
  const ids = { sample: useId("sample"), theme: useId("theme"), word: useId("word") };
  const fileInput = useRef<HTMLInputElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  const [theme, setTheme] = useState<ThemeName>(initial.theme);
  const [sample, setSample] = useState<SampleId | "">(initial.sample);
  const [wordApi, setWordApi] = useState<WordApi>(initial.wordApi);
  // Bumped after every write, so the page draws what the simulated Word holds now.
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<OpenWord | null>(null);
  const [selection, setSelection] = useState<Location | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const current = useRef<OpenWord | null>(null);
  const wordApiRef = useRef(initial.wordApi);
  const [tracking, setTracking] = useState(false);
  const trackingRef = useRef(false);

  // One simulated Word at a time: it owns the Office and Word globals the gateway uses.
  const install = useCallback(
    (name: string, source: Parameters<typeof installSimulatedWord>[0], log: WriteLog, settings?: Record<string, unknown>) => {
      current.current?.word.uninstall();
      const api = wordApiRef.current;
      const word = installSimulatedWord(source, {
        requirementSets: { WordApi: api },
        settings,
        trackingChanges: trackingRef.current,
      });
      const typing = pageTyping(word, log, () => setVersion((v) => v + 1));
      const gateway = redrawingGateway(
        () => {
          typing.forget();
          setVersion((v) => v + 1);
        },
        (plan) => log.plans.push(plan),
      );
      const next = { serial: (current.current?.serial ?? 0) + 1, name, wordApi: api, word, gateway, log, typing };
      current.current = next;
      setOpen(next);
      setSelection(word.selection);
    },
    [],
  );

  const show = useCallback(
    (loaded: LoadedDocument) => {
      install(loaded.name, loaded.snapshot, { bytes: loaded.bytes, plans: [] });
      setError(null);
      setNotice(null);
    },
    [install],
  );

  // Another Word: the same document (as it is now) and its saved settings, in a Word with that requirement set.
  const reopen = (): void => {
    const was = current.current;
    if (was) install(was.name, was.word.document, was.log, { ...was.word.savedSettings });
  };
  const chooseWordApi = (event: ChangeEvent<HTMLSelectElement>) => {
    const api = event.target.value as WordApi;
    setWordApi(api);
    wordApiRef.current = api;
    reopen();
  };
  // Track Changes as the document was saved with it (WordApi 1.4 reads it; the add-in never changes it).
  const chooseTracking = (on: boolean) => {
    setTracking(on);
    trackingRef.current = on;
    reopen();
  };

  // Shows the document once read, or says why it could not be.
  const settle = useCallback(
    (pending: Promise<LoadedDocument>, failureTitle: string) => {
      pending
        .then(show, (reason: unknown) =>
          setError({ title: failureTitle, message: reason instanceof Error ? reason.message : String(reason) }),
        )
        .finally(() => setLoading(false));
    },
    [show],
  );
  const load = (pending: Promise<LoadedDocument>, failureTitle: string) => {
    setLoading(true);
    settle(pending, failureTitle);
  };

  // The first document (loading starts out true).
  useEffect(() => settle(loadSample(initial.sample), "The sample could not be opened"), [settle, initial.sample]);

  // Word's selection, as the add-in moves it.
  useEffect(() => open?.word.onSelectionChange(setSelection), [open]);
  // The page shows what the simulated Word holds now.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version: the document is mutable, redraw after writes
  const snapshot = useMemo(() => (open ? snapshotOfDocument(open.word.document) : null), [open, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const decorations = useMemo(() => (open ? decorationsOf(open.word.document) : undefined), [open, version]);

  useEffect(
    () =>
      open
        ? publishAutomation({
            snapshot: () => snapshotOfDocument(open.word.document),
            placeCursor: (location) => open.word.placeCursor(location),
            wordApi: () => open.wordApi,
          })
        : undefined,
    [open],
  );


  // The opened file with every write made here, applied by the .docx applier (src/docx/write.ts).
  const download = async (): Promise<void> => {
    const was = current.current;
    if (!was) return;
    setSaving(true);
    try {
      const result = await docxWithWrites(was.log, snapshotOfDocument(was.word.document), trackingRef.current);
      saveFile(was.name, result.bytes);
      setNotice(result.warning);
      setError(null);
    } catch (reason) {
      setError({ title: "The .docx file could not be made", message: reason instanceof Error ? reason.message : String(reason) });
    } finally {
      setSaving(false);
    }
  };

  const chooseSample = (event: ChangeEvent<HTMLSelectElement>) => {
    const id = event.target.value as SampleId;
    setSample(id);
    load(loadSample(id), "The sample could not be opened");
  };

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // so choosing the same file again still opens it
    if (!file) return;
    load(
      loadFile(file).then((loaded) => {
        setSample("");
        return loaded;
      }),
      "That file could not be opened",
    );
  };

  return (
    <FluentProvider theme={THEMES[theme]}>
      <div className={styles.app}>
        <a
          href="#task-pane"
          className={styles.skipLink}
          onClick={(event) => {
            // Focus, not only scroll: the next Tab then goes on inside the pane.
            event.preventDefault();
            paneRef.current?.focus();
          }}
        >
          Skip to the task pane
        </a>
        <header className={styles.toolbar}>
          <div className={styles.title}>
            <img src="assets/icon-32.png" alt="" width={24} height={24} />
            <Text weight="semibold" size={400}>
              Scrutiny Monitoring: preview
            </Text>
          </div>
          <div className={styles.field}>
            <Label htmlFor={ids.sample}>Sample</Label>
            <Select id={ids.sample} value={sample} onChange={chooseSample} disabled={loading}>
              {sample === "" && <option value="">Your document</option>}
              {SAMPLES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </Select>
          </div>
          <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()} disabled={loading}>
            Open a .docx…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className={styles.hiddenInput}
            onChange={chooseFile}
            aria-label="Open a .docx file"
            data-testid="open-file"
          />
          <Button icon={<ArrowDownloadRegular />} onClick={() => void download()} disabled={loading || saving || !open}>
            Download .docx
          </Button>
          <div className={styles.field}>
            <Label htmlFor={ids.word}>Word</Label>
            <Select id={ids.word} value={wordApi} onChange={chooseWordApi} disabled={loading}>
              {WORD_APIS.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.title}
                </option>
              ))}
            </Select>
          </div>
          <Switch
            label="Track Changes on"
            checked={tracking}
            disabled={loading}
            onChange={(_event, data) => chooseTracking(data.checked)}
          />
          <div className={styles.field}>
            <Label htmlFor={ids.theme}>Theme</Label>
            <Select id={ids.theme} value={theme} onChange={(event) => setTheme(event.target.value as ThemeName)}>
              {THEME_NAMES.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </Select>
          </div>
        </header>
        {error && (
          <MessageBar intent="error" layout="multiline" className={styles.message}>
            <MessageBarBody>
              <MessageBarTitle>{error.title}</MessageBarTitle>
              {error.message}
              {open ? ` The document you had open, ${open.name}, is still open.` : ""}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" icon={<DismissRegular />} aria-label="Close this message" onClick={() => setError(null)} />
              }
            />
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="warning" layout="multiline" className={styles.message}>
            <MessageBarBody>
              <MessageBarTitle>Downloaded, with a difference</MessageBarTitle>
              {notice}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.main}>
          {/* A region landmark, reachable by keyboard so its page can be scrolled without a mouse. */}
          <section className={styles.document} aria-label="Word document (simulated)" tabIndex={0}>
            {open && snapshot ? (
              <>
                <Caption1 className={styles.documentName}>
                  <DocumentRegular /> {open.name}
                </Caption1>
                <DocumentView
                  snapshot={snapshot}
                  selection={selection}
                  decorations={decorations}
                  onPlaceCursor={(location) => open.word.placeCursor(location)}
                  onChooseItem={(controlId, item) => {
                    open.word.chooseItem(controlId, item);
                    open.typing.forget();
                    recordChoice(open.log, open.word.contentControls().find((control) => control.id === controlId), item);
                    setVersion((v) => v + 1);
                  }}
                  typing={open.typing}
                />
              </>
            ) : (
              loading && <Spinner className={styles.loading} label="Opening the document…" />
            )}
          </section>
          <aside id="task-pane" ref={paneRef} tabIndex={-1} className={styles.pane} aria-label="Task pane">
            <div className={styles.paneTitle}>Scrutiny Monitoring</div>
            <div className={styles.paneBody}>{open && <Pane key={open.serial} gateway={open.gateway} theme={theme} />}</div>
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
