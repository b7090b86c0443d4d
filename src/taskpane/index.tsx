/** The task pane's entry point in Word (webpack's "taskpane" chunk). The preview uses ./mount instead. */
import { createWordGateway } from "../word/gateway";
import { startTaskpane } from "./mount";

function container(): HTMLElement {
  const existing = document.getElementById("root");
  if (existing) return existing;
  const created = document.createElement("div");
  created.id = "root";
  document.body.appendChild(created);
  return created;
}

startTaskpane(container(), createWordGateway);
