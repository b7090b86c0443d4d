import { pushAll } from "../model/arrays";
import type { SimRequestContext } from "./context";
import { SimErrorCodes, SimOfficeError, propertyNotLoaded } from "./errors";
import { isSetSupported } from "./requirements";

/** What `load()` accepts: "a,b", ["a","b"], {a: true}, {select, top, skip}, "$none", "items/a". */
export type SimLoadOption = string | string[] | Record<string, unknown> | undefined;

interface ParsedLoad {
  /** null means every scalar property (load() with no arguments). */
  names: string[] | null;
  /** Navigation paths ("parentContentControlOrNullObject/cannotEdit"): the properties loaded on each navigation property. */
  paths: Map<string, string[]>;
  top?: number;
  skip?: number;
}

function splitNames(option: string | string[]): string[] {
  const parts = (Array.isArray(option) ? option : [option]).flatMap((s) => s.split(","));
  return parts.map((s) => s.trim()).filter((s) => s !== "");
}

/** Parses a load option; `collection` allows the "items/…" paths and paging. */
function parseLoad(option: SimLoadOption, collection: boolean): ParsedLoad {
  if (option === undefined) return { names: null, paths: new Map() };
  let names: string[];
  const paging: { top?: number; skip?: number } = {};
  if (typeof option === "string" || Array.isArray(option)) {
    names = splitNames(option);
  } else {
    names = [];
    for (const [key, value] of Object.entries(option)) {
      if (key === "select" || key === "$select") pushAll(names, splitNames(value as string | string[]));
      else if (key === "top" || key === "$top") paging.top = value as number;
      else if (key === "skip" || key === "$skip") paging.skip = value as number;
      else if (key === "$all") names.push("*");
      else if (key === "expand") throw new Error(`The simulated Word does not support load({ expand }).`);
      else if (value === true) names.push(key);
      else if (value !== false && value !== undefined) {
        throw new Error(`The simulated Word does not support loading navigation '${key}'.`);
      }
    }
  }
  if (!collection && (paging.top !== undefined || paging.skip !== undefined)) {
    throw new Error("top and skip are only usable on collections.");
  }
  const out: string[] = [];
  const paths = new Map<string, string[]>();
  for (let name of names) {
    if (collection && name.startsWith("items/")) name = name.slice("items/".length);
    if (name === "$none") continue;
    if (name === "*" || (collection && name === "items")) return { names: null, paths, ...paging };
    const parts = name.split("/");
    if (parts.length > 2) throw new Error(`The simulated Word loads navigation paths one level deep only ('${name}').`);
    if (parts.length === 2) {
      const [navigation, property] = parts as [string, string];
      paths.set(navigation, [...(paths.get(navigation) ?? []), property]);
      continue;
    }
    out.push(name);
  }
  return { names: out, paths, ...paging };
}

/** A proxy a load path can go through. */
interface Navigable {
  readNow(parsed: { names: string[] | null; paths: Map<string, string[]> }): () => void;
}

/** What an …OrNullObject proxy's resolver returns when there is nothing there. */
export const NULL_TARGET: never = Symbol("null object") as never;

/** Scalar properties a proxy can load, each read from the model object it stands for. */
export type PropertyReaders<T> = Record<string, (target: T) => unknown>;

/** The WordApi version each property needs, when newer than the type itself. */
export type PropertyRequirements = Readonly<Record<string, string>>;

function readProperties<T>(
  context: SimRequestContext,
  target: T,
  readers: PropertyReaders<T>,
  names: string[] | null,
  typeName: string,
  requirements: PropertyRequirements,
) {
  const values = new Map<string, unknown>();
  const wanted = names ?? Object.keys(readers).filter((name) => supports(context, requirements[name]));
  for (const name of wanted) {
    const read = readers[name];
    if (!read) {
      throw new SimOfficeError(SimErrorCodes.invalidArgument, `The property '${name}' does not exist on ${typeName}.`, `${typeName}.load`);
    }
    if (!supports(context, requirements[name])) {
      throw new SimOfficeError(
        SimErrorCodes.apiNotFound,
        `The API you are trying to use could not be found. It may be available in a newer version of Word. (${typeName}.${name} needs WordApi ${requirements[name]})`,
        `${typeName}.${name}`,
      );
    }
    values.set(name, read(target));
  }
  return values;
}

function supports(context: SimRequestContext, version: string | undefined): boolean {
  return version === undefined || isSetSupported(context.state, "WordApi", version);
}

/**
 * Like OfficeExtension.ClientObject: stands for a model object that is found only at sync time
 * (so a bad path, e.g. a missing cell, fails the sync, not the call), and whose properties can be
 * read only after load() and a sync.
 */
export abstract class SimClientObject<T> {
  private target: { value: T } | null = null;
  private loadedValues = new Map<string, unknown>();

  protected abstract readonly typeName: string;
  protected abstract readonly properties: PropertyReaders<T>;
  protected readonly requirements: PropertyRequirements = {};
  /** Navigation properties a load path may go through ("name/property"), each giving the proxy it stands for. */
  protected readonly navigations: Readonly<Record<string, () => Navigable>> = {};

  constructor(
    readonly context: SimRequestContext,
    /** Returns the model object; for an …OrNullObject proxy, NULL_TARGET when there is none. */
    private readonly resolver: () => T,
  ) {}

  /** The model object, found at the first sync that needs it and kept, as Office keeps a reference. */
  resolve(): T {
    if (!this.target) this.target = { value: this.resolver() };
    return this.target.value;
  }

  /** For …OrNullObject proxies: true when there was nothing there (known once loaded and synced). */
  get isNullObject(): boolean {
    return this.loaded("isNullObject");
  }

  load(option?: SimLoadOption): this {
    const parsed = parseLoad(option, false);
    this.context.enqueue({ execute: () => this.readNow(parsed) });
    return this;
  }

  /** Reads what a load asks for, at sync; returns what makes it readable once the sync is done. */
  readNow(parsed: { names: string[] | null; paths: Map<string, string[]> }): () => void {
    const target = this.resolve();
    const values =
      target === NULL_TARGET
        ? new Map<string, unknown>()
        : readProperties(this.context, target, this.properties, parsed.names, this.typeName, this.requirements);
    values.set("isNullObject", target === NULL_TARGET);
    const then: (() => void)[] = [];
    for (const [name, properties] of parsed.paths) {
      const navigation = this.navigations[name];
      if (!navigation) {
        throw new SimOfficeError(SimErrorCodes.invalidArgument, `The property '${name}' does not exist on ${this.typeName}.`, `${this.typeName}.load`);
      }
      then.push(navigation().readNow({ names: properties, paths: new Map() }));
    }
    return () => {
      for (const [name, value] of values) this.loadedValues.set(name, value);
      for (const next of then) next();
    };
  }

  /** Marks properties as loaded with values read by a collection's load. */
  fulfil(values: Map<string, unknown>): void {
    for (const [name, value] of values) this.loadedValues.set(name, value);
  }

  track(): this {
    this.context.trackedObjects.add(this);
    return this;
  }

  untrack(): this {
    this.context.trackedObjects.remove(this);
    return this;
  }

  protected loaded<V>(name: string): V {
    if (!this.loadedValues.has(name)) throw propertyNotLoaded(name);
    return this.loadedValues.get(name) as V;
  }

  /** Queues a method call that runs against the model object at sync time (a null object has none: ItemNotFound). */
  protected queueCall(action: (target: T) => void): void {
    this.context.enqueue({
      execute: () => {
        const target = this.resolve();
        if (target === NULL_TARGET) throw new SimOfficeError(SimErrorCodes.itemNotFound, "The object is a null object.", this.typeName);
        action(target);
      },
    });
  }
}

/** Like a Word collection: `items` exists only after load() and a sync; loading one item property loads them all. */
export abstract class SimClientCollection<TModel, TItem extends SimClientObject<TModel>> {
  private loadedItems: TItem[] | null = null;

  protected abstract readonly typeName: string;
  protected abstract readonly itemProperties: PropertyReaders<TModel>;
  protected readonly itemRequirements: PropertyRequirements = {};
  protected abstract createItem(model: TModel): TItem;

  constructor(
    readonly context: SimRequestContext,
    private readonly resolver: () => TModel[],
  ) {}

  get items(): TItem[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems;
  }

  /** The model objects the collection holds at this point of the sync. */
  resolveAll(): TModel[] {
    return this.resolver();
  }

  load(option?: SimLoadOption): this {
    const parsed = parseLoad(option, true);
    this.context.enqueue({
      execute: () => {
        const skip = parsed.skip ?? 0;
        const models = this.resolveAll().slice(skip, parsed.top === undefined ? undefined : skip + parsed.top);
        const items = models.map((m) => this.createItem(m));
        const values = models.map((m) =>
          readProperties(this.context, m, this.itemProperties, parsed.names, this.typeName, this.itemRequirements),
        );
        const navigated = parsed.paths.size === 0 ? [] : this.context.readingAll(() => items.map((item) => item.readNow({ names: [], paths: parsed.paths })));
        return () => {
          items.forEach((item, i) => item.fulfil(values[i]!));
          for (const then of navigated) then();
          this.loadedItems = items;
        };
      },
    });
    return this;
  }

  track(): this {
    this.context.trackedObjects.add(this);
    return this;
  }

  untrack(): this {
    this.context.trackedObjects.remove(this);
    return this;
  }
}
