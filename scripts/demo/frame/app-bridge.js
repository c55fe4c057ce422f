/* global window, document, location, history, customElements, HTMLElement, MutationObserver, Request, URL, URLSearchParams, CustomEvent, atob, setTimeout */
// A stand-in for App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js) for the offline demo
// only: the demo's admin frame serves it in place of Shopify's script, which cannot load offline. It does
// the little the app relies on, talking to the frame by postMessage as App Bridge talks to Shopify admin:
// - `window.shopify`: config, idToken() (a fresh session token signed by the frame), toast, loading;
// - fetch: same-origin requests carry `Authorization: Bearer <session token>` (authenticate.admin reads it);
// - <ui-nav-menu> / <s-app-nav>: its links become the frame's left navigation; a click there navigates here;
// - <ui-title-bar>: its title is shown in the frame's title bar.
(() => {
  if (window.shopify) return;
  const script = document.currentScript;
  const apiKey = script.getAttribute("data-api-key");
  const adminOrigin = new URL(script.src).origin;
  const params = new URLSearchParams(location.search);

  function send(type, payload = {}) {
    if (window.parent === window) return;
    window.parent.postMessage({ source: "tsuzuku-app-bridge", type, ...payload }, adminOrigin);
  }

  // Session tokens: the first one arrives with the document (id_token), later ones from the frame.
  let current = null;
  const waiting = new Map();
  let nextRequest = 1;
  function remember(token) {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    current = { token, exp: JSON.parse(atob(payload)).exp };
    return token;
  }
  if (params.get("id_token")) remember(params.get("id_token"));

  let asking = null;
  function idToken() {
    if (current && current.exp - 10 > Date.now() / 1000) return Promise.resolve(current.token);
    // Requests made while a token is on its way share it.
    asking ??= new Promise((resolve, reject) => {
      const id = nextRequest++;
      waiting.set(id, resolve);
      send("idToken", { requestId: id });
      setTimeout(() => waiting.delete(id) && reject(new Error("the admin frame sent no session token")), 10_000);
    })
      .then(remember)
      .finally(() => (asking = null));
    return asking;
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== adminOrigin || event.source !== window.parent) return;
    const message = event.data || {};
    if (message.type === "idToken" && waiting.has(message.requestId)) {
      waiting.get(message.requestId)(message.token);
      waiting.delete(message.requestId);
    } else if (message.type === "navigate") {
      navigate(message.href);
    }
  });

  // Same-origin fetches carry the session token; a 401 asking for a new one is retried once, as App Bridge does.
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin !== location.origin || request.headers.has("Authorization")) return nativeFetch(request);
    const attempt = async () => {
      const copy = request.clone();
      copy.headers.set("Authorization", `Bearer ${await idToken()}`);
      return nativeFetch(copy);
    };
    const response = await attempt();
    if (response.status !== 401 || response.headers.get("X-Shopify-Retry-Invalid-Session-Request") !== "1") return response;
    current = null;
    return attempt();
  };

  let toasts = 0;
  window.shopify = {
    config: { apiKey, shop: params.get("shop"), host: params.get("host"), locale: params.get("locale") || "en" },
    environment: { embedded: window.parent !== window, mobile: false, pos: false },
    origin: adminOrigin,
    idToken,
    toast: {
      show(message, options = {}) {
        toasts += 1;
        send("toast", { id: String(toasts), message: String(message), isError: Boolean(options.isError), duration: options.duration || 5000 });
        return String(toasts);
      },
      hide(id) {
        send("toast", { id: String(id), hide: true });
      },
    },
    loading(on = true) {
      send("loading", { on: Boolean(on) });
    },
  };

  // Navigation: the frame asks for a page of the menu; AppProvider (shopify-app-remix) listens for
  // `shopify:navigate` from the menu's links and navigates with Remix. The frame hears where the app is.
  function navigate(href) {
    const link = Array.from(document.querySelectorAll("ui-nav-menu a[href], s-app-nav a[href], s-app-nav s-link[href]")).find((a) => a.getAttribute("href") === href);
    link?.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
  }
  const reportLocation = () => send("location", { path: location.pathname });
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name].bind(history);
    history[name] = (...args) => {
      original(...args);
      reportLocation();
    };
  }
  window.addEventListener("popstate", reportLocation);
  reportLocation();

  // App Bridge's elements render nothing in the app: an empty shadow root hides their children.
  class NavMenu extends HTMLElement {
    connectedCallback() {
      if (!this.shadowRoot) this.attachShadow({ mode: "open" });
      this.observer = this.observer || new MutationObserver(() => this.publish());
      this.observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
      this.publish();
    }
    disconnectedCallback() {
      this.observer.disconnect();
      send("nav", { items: [] });
    }
    publish() {
      const items = Array.from(this.querySelectorAll("a[href], s-link[href]"), (link) => ({
        label: link.textContent.trim(),
        href: link.getAttribute("href"),
        home: link.getAttribute("rel") === "home",
      }));
      send("nav", { items });
    }
  }

  // The page's title bar; during a navigation the new page's may connect before the old one leaves.
  const titleBars = [];
  function publishTitle() {
    const last = titleBars[titleBars.length - 1];
    send("title", { title: last ? last.getAttribute("title") || "" : "" });
  }
  class TitleBar extends HTMLElement {
    static observedAttributes = ["title"];
    connectedCallback() {
      if (!this.shadowRoot) this.attachShadow({ mode: "open" });
      titleBars.push(this);
      publishTitle();
    }
    disconnectedCallback() {
      titleBars.splice(titleBars.indexOf(this), 1);
      publishTitle();
    }
    attributeChangedCallback() {
      if (this.isConnected) publishTitle();
    }
  }

  customElements.define("ui-nav-menu", NavMenu);
  customElements.define("s-app-nav", class extends NavMenu {});
  customElements.define("ui-title-bar", TitleBar);
})();
