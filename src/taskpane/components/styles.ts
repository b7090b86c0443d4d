import { makeStyles } from "@fluentui/react-components";

/** Shared by the panels: text a screen reader reads but the eye does not need. */
export const useSharedStyles = makeStyles({
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});
