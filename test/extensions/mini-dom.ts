// The smallest DOM Preact renders into, for the checkout extension's components: elements, text,
// attributes, properties and events. Checkout renders `s-*` elements through remote DOM; here they are
// plain elements whose attributes and children a test can read.

type Listener = (this: MiniElement, event: MiniEvent) => unknown;

export interface MiniEvent {
  type: string;
  target: MiniNode;
  currentTarget: MiniNode;
  _dispatched?: number;
}

export class MiniNode {
  parentNode: MiniElement | null = null;
  childNodes: MiniNode[] = [];
  constructor(
    readonly nodeType: number,
    readonly ownerDocument: MiniDocument,
  ) {}
  get firstChild(): MiniNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): MiniNode | null {
    return this.childNodes.at(-1) ?? null;
  }
  get nextSibling(): MiniNode | null {
    const siblings = this.parentNode?.childNodes;
    if (!siblings) return null;
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get previousSibling(): MiniNode | null {
    const siblings = this.parentNode?.childNodes;
    if (!siblings) return null;
    return siblings[siblings.indexOf(this) - 1] ?? null;
  }
  insertBefore(node: MiniNode, reference: MiniNode | null) {
    node.parentNode?.removeChild(node);
    const at = reference ? this.childNodes.indexOf(reference) : -1;
    if (at < 0) this.childNodes.push(node);
    else this.childNodes.splice(at, 0, node);
    node.parentNode = this as unknown as MiniElement;
    return node;
  }
  appendChild(node: MiniNode) {
    return this.insertBefore(node, null);
  }
  removeChild(node: MiniNode) {
    const at = this.childNodes.indexOf(node);
    if (at >= 0) this.childNodes.splice(at, 1);
    node.parentNode = null;
    return node;
  }
  remove() {
    this.parentNode?.removeChild(this);
  }
  get textContent(): string {
    return this.childNodes.map((child) => child.textContent).join("");
  }
}

export class MiniText extends MiniNode {
  constructor(
    public data: string,
    document: MiniDocument,
  ) {
    super(3, document);
  }
  get nodeValue() {
    return this.data;
  }
  set nodeValue(value: string) {
    this.data = value;
  }
  override get textContent() {
    return this.data;
  }
}

export class MiniElement extends MiniNode {
  readonly attributes = new Map<string, string>();
  readonly style: Record<string, string> = {};
  private readonly listeners = new Map<string, Set<Listener>>();
  // Present so Preact names events in lower case (onClick → "click"), as on real elements.
  onclick = null;
  onchange = null;
  oninput = null;
  value: unknown = undefined;
  values: unknown = undefined;
  [property: string]: unknown;

  constructor(
    readonly localName: string,
    document: MiniDocument,
  ) {
    super(1, document);
  }
  get nodeName() {
    return this.localName.toUpperCase();
  }
  get tagName() {
    return this.nodeName;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string) {
    return this.attributes.has(name);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
  addEventListener(type: string, listener: Listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: Listener) {
    this.listeners.get(type)?.delete(listener);
  }
  dispatchEvent(event: { type: string }) {
    const full = { ...event, target: this, currentTarget: this } as MiniEvent;
    for (const listener of this.listeners.get(event.type) ?? []) listener.call(this, full);
    return true;
  }
  /** Elements below this one (depth first) matching a tag and, optionally, a predicate. */
  findAll(tag: string, predicate: (element: MiniElement) => boolean = () => true): MiniElement[] {
    const found: MiniElement[] = [];
    const visit = (node: MiniNode) => {
      for (const child of node.childNodes) {
        if (child instanceof MiniElement) {
          if (child.localName === tag && predicate(child)) found.push(child);
          visit(child);
        }
      }
    };
    visit(this);
    return found;
  }
}

export class MiniDocument {
  readonly body: MiniElement;
  constructor() {
    this.body = new MiniElement("body", this);
  }
  createElement(tag: string) {
    return new MiniElement(tag, this);
  }
  createElementNS(_namespace: string, tag: string) {
    return new MiniElement(tag, this);
  }
  createTextNode(data: string) {
    return new MiniText(String(data), this);
  }
}
