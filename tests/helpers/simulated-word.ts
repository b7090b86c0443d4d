import type { DocumentSnapshot } from "../../src/model/snapshot";
import { installSimulatedWord, type SimDocument, type SimulatedWord, type SimulatedWordOptions } from "../../src/simulated-word";

let installed: SimulatedWord | null = null;

/** Installs a simulated Word (the Word and Office globals) for one test; it is uninstalled after each test. */
export function install(source: DocumentSnapshot | SimDocument, options: SimulatedWordOptions = {}): SimulatedWord {
  installed?.uninstall();
  installed = installSimulatedWord(source, options);
  return installed;
}

afterEach(() => {
  installed?.uninstall();
  installed = null;
});
