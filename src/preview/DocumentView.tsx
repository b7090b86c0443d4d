import { useEffect, useRef, type ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { DocumentSnapshot, Location, SnapshotTable } from "../model/snapshot";
import { NO_DECORATIONS, type CommentLook, type Decorations } from "./decorations";
import { CommentMargin, ControlFrame, ParagraphContent } from "./DocumentExtras";
import type { Typing } from "./EditableText";

const useStyles = makeStyles({
  sheet: { display: "flex", justifyContent: "center", alignItems: "stretch", gap: "12px" },
  page: {
    boxSizing: "border-box",
    flex: "0 1 210mm",
    minWidth: 0,
    minHeight: "297mm",
    margin: "0 auto",
    padding: "20mm 18mm",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow8,
    fontFamily: 'Calibri, Carlito, "Segoe UI", Arial, sans-serif',
    fontSize: "11pt",
    lineHeight: 1.3,
    // A narrow window (a 1,280 px screen at 200 % zoom): narrow margins, as Word's own narrow views have, so the
    // tables keep their room.
    "@media (max-width: 900px)": { padding: "16px 12px", minHeight: "auto" },
  },
  paragraph: { margin: "0 0 6pt", minHeight: "1.3em", whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  table: { borderCollapse: "collapse", width: "100%", margin: "0 0 10pt", tableLayout: "auto" },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: "3pt 5pt",
    verticalAlign: "top",
    // An empty column (the Care Leavers template has four) stays wide enough to see and to click into.
    boxSizing: "border-box",
    minWidth: "48px",
    // break-word, not anywhere: a narrow column of the grade summary still fits its longest word.
    overflowWrap: "break-word",
    "& p": { margin: "0 0 3pt", minHeight: "1.3em", whiteSpace: "pre-wrap" },
    "& p:last-child": { marginBottom: 0 },
  },
  labelCell: { width: "30%", fontWeight: tokens.fontWeightSemibold },
  commented: { backgroundColor: tokens.colorPaletteMarigoldBackground1 },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    scrollMarginBlock: "40vh",
  },
});

export function locationKey(location: Location): string {
  return location.kind === "cell" ? `t${location.table}r${location.row}c${location.cell}` : `p${location.paragraph}`;
}

/**
 * The document drawn like a Word page: paragraphs and tables in order. The cell or paragraph where the add-in
 * put Word's selection is highlighted and scrolled into view, as Word would show it.
 */
/** The location a data-location key names ("t1r2c0", "p14"). */
export function locationFromKey(key: string): Location | null {
  const cell = /^t(\d+)r(\d+)c(\d+)$/.exec(key);
  if (cell) return { kind: "cell", table: Number(cell[1]), row: Number(cell[2]), cell: Number(cell[3]) };
  const paragraph = /^p(\d+)$/.exec(key);
  return paragraph ? { kind: "paragraph", paragraph: Number(paragraph[1]) } : null;
}

/** Where a click in the page puts Word's cursor: the cell clicked in, else the body paragraph. */
function clickedLocation(target: EventTarget | null): Location | null {
  if (!(target instanceof Element)) return null;
  const place = target.closest("td[data-location]") ?? target.closest("p[data-location]");
  const key = place?.getAttribute("data-location");
  return key ? locationFromKey(key) : null;
}

export interface DocumentViewProps {
  snapshot: DocumentSnapshot;
  selection: Location | null;
  /** Clicking a cell or paragraph puts the simulated cursor there, as in Word. */
  onPlaceCursor?: (location: Location) => void;
  /** Bold, dropdowns, content-controlled tables and comments, from the simulated Word's model. */
  decorations?: Decorations;
  /** Choosing an item (its display text) in the dropdown content control `controlId`. */
  onChooseItem?: (controlId: number, item: string) => void;
  /** Typing in the document's paragraphs, through the simulated Word; without it the page cannot be typed in. */
  typing?: Typing;
}

const commentKey = (comment: CommentLook): string => locationKey(comment.location);

export function DocumentView({
  snapshot,
  selection,
  onPlaceCursor,
  decorations = NO_DECORATIONS,
  onChooseItem,
  typing,
}: DocumentViewProps) {
  const styles = useStyles();
  const pageRef = useRef<HTMLDivElement>(null);
  const selectedKey = selection ? locationKey(selection) : null;
  useEffect(() => {
    if (!selectedKey) return;
    const target = pageRef.current?.querySelector(`[data-location="${selectedKey}"]`);
    // The user is typing there: the page stays where it is.
    if (!target || target.contains(document.activeElement)) return;
    target.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [selectedKey, snapshot]);

  const starts = cellParagraphStarts(snapshot);
  const commented = new Set(decorations.comments.map(commentKey));
  const paragraphProps = (index: number) => ({
    "data-location": `p${index}`,
    "data-selected": selectedKey === `p${index}` ? "true" : undefined,
    className: mergeClasses(
      styles.paragraph,
      commented.has(`p${index}`) && styles.commented,
      selectedKey === `p${index}` && styles.selected,
    ),
  });
  const content = (index: number, text: string, label: string) => (
    <ParagraphContent
      text={text}
      look={decorations.paragraphs.get(index)}
      onChoose={onChooseItem}
      editing={typing ? { paragraph: index, label, typing } : undefined}
    />
  );

  return (
    <div className={styles.sheet}>
    <div
      ref={pageRef}
      className={styles.page}
      aria-label="Document"
      onClick={(event) => {
        const location = clickedLocation(event.target);
        if (location && onPlaceCursor) onPlaceCursor(location);
      }}
      // Tabbing into a paragraph puts Word's cursor there too.
      onFocus={(event) => {
        const location = clickedLocation(event.target);
        if (location && onPlaceCursor) onPlaceCursor(location);
      }}
    >
      {snapshot.blocks.map((block) =>
        block.kind === "paragraph" ? (
          <p key={`p${block.location.paragraph}`} {...paragraphProps(block.location.paragraph)}>
            {content(block.location.paragraph, block.text, `Paragraph ${block.location.paragraph + 1}`)}
          </p>
        ) : (
          <ControlFrame key={`t${block.index}`} control={decorations.tables.get(block.index)}>
            <Table
              table={block}
              selectedKey={selectedKey}
              starts={starts}
              styles={styles}
              commented={commented}
              content={content}
            />
          </ControlFrame>
        ),
      )}
    </div>
    <CommentMargin comments={decorations.comments} page={pageRef} keyOf={commentKey} layoutKey={snapshot} />
    </div>
  );
}

/**
 * Word's body.paragraphs counts the paragraphs inside table cells too. The index of each cell's first paragraph,
 * by cell key, so that a paragraph location inside a table finds its cell.
 */
function cellParagraphStarts(snapshot: DocumentSnapshot): Map<string, number> {
  const starts = new Map<string, number>();
  let next = 0;
  for (const block of snapshot.blocks) {
    if (block.kind === "paragraph") {
      next = block.location.paragraph + 1;
      continue;
    }
    for (const row of block.rows) {
      for (const cell of row.cells) {
        starts.set(locationKey(cell.location), next);
        next += Math.max(1, cell.paragraphs.length);
      }
    }
  }
  return starts;
}

/** What a screen reader calls a cell's text box: where it is, and the row's label ("Evidence of Impact (July 21):"). */
function cellLabel(table: number, row: number, cell: number, rowLabel: string): string {
  const place = `Table ${table + 1}, row ${row + 1}, cell ${cell + 1}`;
  const name = rowLabel.trim();
  if (cell === 0 || !name) return place;
  return `${place}: ${name.length > 60 ? `${name.slice(0, 60)}…` : name}`;
}

function Table({
  table,
  selectedKey,
  starts,
  styles,
  commented,
  content,
}: {
  table: SnapshotTable;
  selectedKey: string | null;
  starts: Map<string, number>;
  styles: ReturnType<typeof useStyles>;
  commented: ReadonlySet<string>;
  content: (paragraph: number, text: string, label: string) => ReactNode;
}) {
  let widest = 1;
  for (const row of table.rows) widest = Math.max(widest, row.cells.length);
  return (
    <table className={styles.table} data-table={table.index}>
      <tbody>
        {table.rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.cells.map((cell, cellIndex) => {
              const key = locationKey(cell.location);
              const paragraphs = cell.paragraphs.length ? cell.paragraphs : [""];
              const first = starts.get(key) ?? -1;
              const selected = selectedKey === key || paragraphs.some((_, i) => selectedKey === `p${first + i}`);
              // A row with fewer cells (merged) spans its last cell across the rest, as Word draws it.
              const span = cellIndex === row.cells.length - 1 ? widest - row.cells.length + 1 : 1;
              const label = cellLabel(table.index, rowIndex, cellIndex, row.cells[0]?.paragraphs[0] ?? "");
              return (
                <td
                  key={key}
                  colSpan={span > 1 ? span : undefined}
                  data-location={key}
                  data-selected={selected ? "true" : undefined}
                  className={mergeClasses(
                    styles.cell,
                    widest === 2 && row.cells.length === 2 && cellIndex === 0 && styles.labelCell,
                    (commented.has(key) || paragraphs.some((_, i) => commented.has(`p${first + i}`))) && styles.commented,
                    selected && styles.selected,
                  )}
                >
                  {paragraphs.map((text, i) => (
                    <p key={i} data-location={`p${first + i}`}>
                      {content(first + i, text, paragraphs.length > 1 ? `${label}, paragraph ${i + 1}` : label)}
                    </p>
                  ))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
