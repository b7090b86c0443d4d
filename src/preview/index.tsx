/** The in-browser preview (webpack's "preview" chunk): the real pane beside a simulated Word. */
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./PreviewApp";
import { initialChoice } from "./samples";

createRoot(document.getElementById("root") ?? document.body.appendChild(document.createElement("div"))).render(
  <PreviewApp initial={initialChoice(window.location.search)} />,
);
