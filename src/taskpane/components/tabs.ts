// Fluent's tabs, as their own chunk: they appear only once a check has a result (see ../lazy-panels.tsx).
export { Tab, TabList } from "@fluentui/react-components";
