export {
  installSimulatedWord,
  type SimulatedWord,
  type SimulatedWordOptions,
  type SelectionListener,
  type SimulatedComment,
  type SimulatedControl,
} from "./install";
export {
  VALUES_PARAGRAPH_SEPARATOR,
  cell,
  documentFromSnapshot,
  paragraph,
  paragraphPlace,
  TYPED_LINE_END,
  typedTextOf,
  resolveLocation,
  snapshotOfDocument,
  table,
  type SimBlock,
  type SimCell,
  type SimDocument,
  type SimParagraph,
  type SimRow,
  type SimTable,
} from "./document";
export { SimOfficeError, SimErrorCodes } from "./errors";
export { SimRequestContext } from "./context";
