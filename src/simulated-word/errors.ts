/**
 * Errors shaped like OfficeExtension.Error: `{ name, code, message, debugInfo }`. Office.js names
 * them "RichApi.Error" at runtime.
 */
export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class SimOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

/** The codes Office.js uses (OfficeExtension.ErrorCodes plus Word.ErrorCodes). */
export const SimErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
  itemNotFound: "ItemNotFound",
  notAllowed: "NotAllowed",
  propertyNotLoaded: "PropertyNotLoaded",
  connectionFailure: "ConnectionFailure",
} as const;

/** The text Office.js gives when a proxy property is read before load() and sync(). */
export function propertyNotLoaded(property: string): SimOfficeError {
  return new SimOfficeError(
    SimErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(errorLocation: string): SimOfficeError {
  return new SimOfficeError(SimErrorCodes.itemNotFound, "The requested resource doesn't exist.", errorLocation);
}
