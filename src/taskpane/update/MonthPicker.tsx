import { Field, Select, makeStyles, tokens, useId } from "@fluentui/react-components";
import { MONTH_NAMES } from "../../model/dates";
import type { Month } from "../../model/types";

const useStyles = makeStyles({
  group: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, border: 0, margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
  month: { minWidth: "9em" },
  year: { minWidth: "6em" },
});

/** The years offered: from three before the current year (or the document's earliest) to two after. */
export function yearsAround(current: number, earliest: number | null): number[] {
  const first = Math.min(current - 3, earliest ?? current);
  const years: number[] = [];
  for (let year = current + 2; year >= first; year--) years.push(year);
  return years;
}

export interface MonthPickerProps {
  value: Month;
  onChange: (month: Month) => void;
  /** The current year, around which years are offered. */
  currentYear: number;
  earliestYear: number | null;
  disabled: boolean;
  legend: string;
}

/**
 * Month and year as two native selects: a screen reader and the keyboard know them everywhere, and they
 * work in every Office webview (`<input type="month">` is a plain text box in Safari, which Word on Mac uses).
 */
export function MonthPicker({ value, onChange, currentYear, earliestYear, disabled, legend }: MonthPickerProps) {
  const styles = useStyles();
  const legendId = useId("month-legend");
  const [year, month] = value.split("-").map(Number) as [number, number];
  const years = yearsAround(currentYear, earliestYear);
  if (!years.includes(year)) years.push(year);
  const set = (y: number, m: number): void => onChange(`${y}-${String(m).padStart(2, "0")}`);
  return (
    <fieldset className={styles.group} aria-labelledby={legendId}>
      <legend id={legendId} className={styles.legend}>
        {legend}
      </legend>
      <Field label="Month" className={styles.month}>
        <Select value={String(month)} disabled={disabled} onChange={(_e, data) => set(year, Number(data.value))}>
          {MONTH_NAMES.map((name, i) => (
            <option key={name} value={String(i + 1)}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Year" className={styles.year}>
        <Select value={String(year)} disabled={disabled} onChange={(_e, data) => set(Number(data.value), month)}>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
