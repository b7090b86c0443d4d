import { SimOfficeError } from "../../src/simulated-word";
import { toWordError } from "../../src/word/errors";
import { WordError } from "../../src/word/gateway-types";

describe("toWordError", () => {
  it.each([
    ["ItemNotFound", "That part of the document has changed since the last check — re-check and try again"],
    ["InvalidObjectPath", "has changed since the last check"],
    ["GeneralException", "Word could not finish the request"],
    ["AccessDenied", "read-only, protected"],
    ["NotAllowed", "does not allow that"],
    ["InvalidArgument", "fault in the add-in"],
    ["RequestPayloadSizeLimitExceeded", "too large"],
    ["ResponsePayloadSizeLimitExceeded", "too large"],
    ["ApiNotFound", "Update Office"],
    ["ConnectionFailure", "lost its connection"],
    ["RequestAborted", "took too long"],
  ])("explains %s in plain English and keeps the code", (code, text) => {
    const error = toWordError(new SimOfficeError(code, "raw Office text"));
    expect(error).toBeInstanceOf(WordError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
    expect(error.message).not.toContain("raw Office text");
  });

  it("recognises an OfficeExtension.Error by its shape alone", () => {
    expect(toWordError({ name: "RichApi.Error", code: "AccessDenied", message: "x" }).code).toBe("AccessDenied");
  });

  it("passes a WordError through unchanged", () => {
    const original = new WordError("already clear", "X");
    expect(toWordError(original)).toBe(original);
  });

  it("treats a network failure or timeout as such", () => {
    expect(toWordError(new TypeError("Failed to fetch"))).toMatchObject({ code: "ConnectionFailure" });
    expect(toWordError(new Error("The request timed out"))).toMatchObject({ code: "RequestAborted", message: expect.stringContaining("too long") });
  });

  it("reports an unknown code with the code and Word's text, so it can be diagnosed", () => {
    const error = toWordError(new SimOfficeError("SearchDialogIsOpen", "The search dialog is open."));
    expect(error.code).toBe("SearchDialogIsOpen");
    expect(error.message).toBe("Word reported an unexpected problem [SearchDialogIsOpen] (The search dialog is open.). Try again.");
  });

  it("copes with anything thrown", () => {
    expect(toWordError("boom").message).toContain("(boom)");
    expect(toWordError(undefined)).toMatchObject({ code: null, message: "Word reported an unexpected problem. Try again." });
  });
});
