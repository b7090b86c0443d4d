/**
 * The preview's Undo and Redo (src/preview/typing-history.ts) over the simulated Word: typing, Enter and joins are
 * taken back step by step to the very document typed in, and done again to the one left; a run of typing in one
 * paragraph is one step; a change the history did not make ends it rather than undoing the wrong paragraph.
 */
import fc from "fast-check";
import { TYPED_LINE_END, cell, snapshotOfDocument, table, typedTextOf, type SimDocument } from "../../src/simulated-word";
import { TypingHistory } from "../../src/preview/typing-history";
import { install } from "../helpers/simulated-word";

/** A title, then a table whose cells hold one or two paragraphs, then a closing paragraph. */
function sample(): SimDocument {
  return {
    blocks: [
      { kind: "paragraph", text: "Title" },
      table([
        ["Recommendation 1:", "Do things."],
        ["Evidence of Progress (July 2021):", cell("First.", "Second.")],
      ]),
      { kind: "paragraph", text: "" },
    ],
  };
}

function historyOver(word: ReturnType<typeof install>): TypingHistory {
  return new TypingHistory(
    { type: (paragraph, typed) => word.typeText(paragraph, typed), join: (paragraph) => word.joinWithPrevious(paragraph) },
    (paragraph) => typedTextOf(word.document, paragraph),
    TYPED_LINE_END,
  );
}

const texts = (word: ReturnType<typeof install>) => snapshotOfDocument(word.document);

describe("Undo and Redo on the preview's page", () => {
  it("a run of typing in one paragraph is one step, undone to what the paragraph held, the caret where the change ended", () => {
    const word = install(sample());
    const history = historyOver(word);
    const start = texts(word);
    history.type(4, "First. A");
    history.type(4, "First. An");
    history.type(4, "First. And");
    expect(history.undo()).toEqual({ paragraph: 4, at: "First.".length });
    expect(texts(word)).toEqual(start);
    expect(history.undo()).toBeNull();
    expect(history.redo()).toEqual({ paragraph: 4, at: "First. And".length });
    expect(typedTextOf(word.document, 4)).toBe("First. And");
    expect(history.redo()).toBeNull();
  });

  it("Enter and a join are steps of their own: undone, the paragraphs are as they were; redone, as they were left", () => {
    const word = install(sample());
    const history = historyOver(word);
    const start = texts(word);
    history.type(4, "Fir\nst.");
    const split = texts(word);
    expect(typedTextOf(word.document, 5)).toBe("st.");
    expect(history.join(6)).toEqual({ paragraph: 5, at: "st.".length });
    const joined = texts(word);
    expect(history.undo()).toEqual({ paragraph: 6, at: 0 });
    expect(texts(word)).toEqual(split);
    expect(history.undo()).toEqual({ paragraph: 4, at: "Fir".length });
    expect(texts(word)).toEqual(start);
    expect(history.redo()).toEqual({ paragraph: 5, at: 0 });
    expect(texts(word)).toEqual(split);
    expect(history.redo()).toEqual({ paragraph: 5, at: "st.".length });
    expect(texts(word)).toEqual(joined);
  });

  it("typing after an undo drops what could be redone", () => {
    const word = install(sample());
    const history = historyOver(word);
    history.type(0, "Title!");
    history.undo();
    history.type(2, "Do things now.");
    expect(history.redo()).toBeNull();
    expect(typedTextOf(word.document, 0)).toBe("Title");
  });

  it("a change it did not make ends the history: nothing is undone in a paragraph that no longer holds what was typed", () => {
    const word = install(sample());
    const history = historyOver(word);
    history.type(4, "First, typed.");
    word.typeText(4, "Changed by something else.");
    expect(history.undo()).toBeNull();
    expect(typedTextOf(word.document, 4)).toBe("Changed by something else.");
    // And forget() (a write from the pane, a dropdown's choice) ends it outright.
    history.type(0, "Title, typed");
    history.forget();
    expect(history.undo()).toBeNull();
    expect(typedTextOf(word.document, 0)).toBe("Title, typed");
  });

  it("any run of typing, Enter and joins, undone all the way, gives back the text typed in; redone all the way, the text left", () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("type" as const), paragraph: fc.nat(12), text: fc.string({ maxLength: 12 }), lines: fc.nat(2) }),
      fc.record({ kind: fc.constant("join" as const), paragraph: fc.nat(12) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const word = install(sample());
        const history = historyOver(word);
        const start = texts(word);
        for (const e of edits) {
          if (e.kind === "join") history.join(e.paragraph);
          else if (typedTextOf(word.document, e.paragraph) !== null) {
            const text = e.text.replace(/[\r\n\v\u2028\u2029]/g, " ");
            history.type(e.paragraph, e.lines === 0 ? text : Array.from({ length: e.lines + 1 }, (_, k) => `${text}${k}`).join("\n"));
          }
        }
        const end = texts(word);
        while (history.undo() !== null);
        expect(texts(word)).toEqual(start);
        while (history.redo() !== null);
        expect(texts(word)).toEqual(end);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
