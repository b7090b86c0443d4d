import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ChevronDownRegular, CommentRegular } from "@fluentui/react-icons";
import type { CommentLook, InlineControlLook, ParagraphLook } from "./decorations";
import { EditableText, type Typing } from "./EditableText";

const useStyles = makeStyles({
  bold: { fontWeight: tokens.fontWeightBold },
  dropdown: {
    minWidth: 0,
    height: "auto",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    marginRight: tokens.spacingHorizontalXS,
    fontFamily: "inherit",
    fontSize: "inherit",
    fontWeight: tokens.fontWeightRegular,
    verticalAlign: "baseline",
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
  placeholder: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  control: {
    position: "relative",
    margin: "14pt 0 10pt",
    outline: `1px dashed ${tokens.colorBrandStroke1}`,
    outlineOffset: "3px",
    "& > table": { margin: 0 },
  },
  controlTab: {
    position: "absolute",
    top: "-18px",
    left: "-4px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontSize: tokens.fontSizeBase100,
    lineHeight: "14px",
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: `${tokens.borderRadiusSmall} ${tokens.borderRadiusSmall} 0 0`,
  },
  margin: { position: "relative", flexShrink: 0, width: "230px" },
  comment: {
    position: "absolute",
    left: 0,
    right: 0,
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowWrap: "anywhere",
  },
  author: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
});

/** A grade dropdown as Word draws one: its chosen item, or its placeholder; click to choose an item. */
function InlineDropdown({
  control,
  onChoose,
}: {
  control: InlineControlLook;
  onChoose?: (controlId: number, item: string) => void;
}) {
  const styles = useStyles();
  const shown = control.selected !== null ? control.items[control.selected] : null;
  return (
    <Menu
      checkedValues={{ grade: control.selected !== null ? [String(control.selected)] : [] }}
      onCheckedValueChange={(_e, data) => {
        const item = control.items[Number(data.checkedItems[0])];
        if (item !== undefined) onChoose?.(control.id, item);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="transparent"
          className={styles.dropdown}
          icon={<ChevronDownRegular />}
          iconPosition="after"
          aria-label={`${control.title || "Dropdown"}: ${shown ?? control.placeholder}`}
          data-control-tag={control.tag}
        >
          <span className={shown === null ? styles.placeholder : undefined}>{shown ?? control.placeholder}</span>
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {control.items.map((item, i) => (
            <MenuItemRadio key={item} name="grade" value={String(i)}>
              {item}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * A paragraph's text with what the simulated Word keeps beside it: bold, and a dropdown at its start. With `editing`
 * the text after the dropdown can be typed in (the dropdown keeps its own menu).
 */
export function ParagraphContent({
  text,
  look,
  onChoose,
  editing,
}: {
  text: string;
  look: ParagraphLook | undefined;
  onChoose?: (controlId: number, item: string) => void;
  editing?: { paragraph: number; label: string; typing: Typing };
}) {
  const styles = useStyles();
  const control = look?.control ?? null;
  const dropdown = control && (control.type === "DropDownList" || control.type === "ComboBox") ? control : null;
  // Any other inline control's text is shown as it stands; only what follows a control is typed over.
  const fixed = control && !dropdown ? text.slice(0, control.length) : "";
  const rest = control ? text.slice(control.length) : text;
  return (
    <span className={look?.bold ? styles.bold : undefined}>
      {dropdown && <InlineDropdown control={dropdown} onChoose={onChoose} />}
      {fixed}
      {editing ? (
        <EditableText text={rest} paragraph={editing.paragraph} label={editing.label} typing={editing.typing} afterControl={control !== null} />
      ) : (
        rest
      )}
    </span>
  );
}

/** A table wrapped in a content control (the grade summary): a dashed frame with the control's title. */
export function ControlFrame({ control, children }: { control: { tag: string; title: string } | undefined; children: ReactNode }) {
  const styles = useStyles();
  if (!control) return <>{children}</>;
  return (
    <div className={styles.control} data-control-tag={control.tag}>
      <span className={styles.controlTab} aria-hidden>
        {control.title || control.tag}
      </span>
      {children}
    </div>
  );
}

/**
 * Review comments in the margin, each level with the cell or paragraph it is on (as Word's markup view
 * shows them), pushed down when the one above is in the way.
 */
export function CommentMargin({
  comments,
  page,
  keyOf,
  layoutKey,
}: {
  comments: readonly CommentLook[];
  page: RefObject<HTMLElement | null>;
  keyOf: (comment: CommentLook) => string;
  /** Changes whenever the page's content may have moved. */
  layoutKey: unknown;
}) {
  const styles = useStyles();
  const margin = useRef<HTMLDivElement>(null);
  const [tops, setTops] = useState<Map<string, number>>(new Map());

  // Cards go in the order of what they are on, each level with it, pushed down when the one above is in the way.
  useLayoutEffect(() => {
    const root = margin.current;
    const pageElement = page.current;
    if (!root || !pageElement) return;
    const origin = root.getBoundingClientRect().top;
    const heights = new Map(
      (Array.from(root.children) as HTMLElement[]).map((card) => [card.dataset.commentId ?? "", card.offsetHeight]),
    );
    const wanted = comments.map((comment) => {
      const anchor = pageElement.querySelector(`[data-location="${keyOf(comment)}"]`);
      return { id: comment.id, top: anchor ? anchor.getBoundingClientRect().top - origin : Number.MAX_SAFE_INTEGER };
    });
    wanted.sort((a, b) => a.top - b.top);
    const placed = new Map<string, number>();
    let next = 0;
    for (const { id, top } of wanted) {
      const at = Math.max(top === Number.MAX_SAFE_INTEGER ? next : top, next);
      placed.set(id, at);
      next = at + (heights.get(id) ?? 40) + 6;
    }
    setTops((was) => (was.size === placed.size && [...placed].every(([id, t]) => was.get(id) === t) ? was : placed));
  }, [comments, page, keyOf, layoutKey]);

  const ordered = [...comments].sort((a, b) => (tops.get(a.id) ?? 0) - (tops.get(b.id) ?? 0));
  if (comments.length === 0) return null;
  return (
    <div ref={margin} className={styles.margin} role="list" aria-label="Comments">
      {ordered.map((comment) => (
        <div
          key={comment.id}
          role="listitem"
          className={styles.comment}
          style={{ top: `${tops.get(comment.id) ?? 0}px` }}
          data-comment-id={comment.id}
          data-comment-on={keyOf(comment)}
        >
          <div className={styles.author}>
            <CommentRegular aria-hidden />
            {comment.author}
          </div>
          {comment.content}
        </div>
      ))}
    </div>
  );
}
