/* global window, document, history, fetch, URL, URLSearchParams, setTimeout, clearTimeout */
// The stand-in admin frame's side of App Bridge: answers the app's requests for session tokens, and shows
// what the app asks for (its navigation, page title, toasts, loading bar), as Shopify admin does.
(() => {
  const config = JSON.parse(document.getElementById("demo-config").textContent);
  const frame = document.getElementById("app-frame");
  const appOrigin = new URL(config.appUrl).origin;
  const nav = document.getElementById("app-nav");
  const title = document.getElementById("app-title");
  const loading = document.getElementById("loading");
  const toast = document.getElementById("toast");
  const homeLink = document.getElementById("app-home");
  let currentPath = config.path;
  let homeHref = "/app";

  const toApp = (message) => frame.contentWindow.postMessage(message, appOrigin);

  function navigateApp(href) {
    toApp({ type: "navigate", href });
  }

  function renderNav(items) {
    const home = items.find((item) => item.home);
    if (home) homeHref = homeLink.dataset.appHref = home.href;
    nav.replaceChildren(
      ...items
        .filter((item) => !item.home)
        .map((item) => {
          const li = document.createElement("li");
          const a = document.createElement("a");
          a.href = `?${new URLSearchParams({ locale: config.locale, path: item.href })}`;
          a.dataset.appHref = item.href;
          a.textContent = item.label;
          li.append(a);
          return li;
        }),
    );
    markCurrent();
  }

  function markCurrent() {
    for (const link of [homeLink, ...nav.querySelectorAll("a")]) {
      const href = link === homeLink ? homeHref : link.dataset.appHref;
      if (href === currentPath) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  // A click in the frame's navigation navigates inside the app (Remix), like Shopify admin.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-app-href]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigateApp(link.dataset.appHref);
  });

  let toastTimer;
  function showToast({ message, isError, duration, hide }) {
    clearTimeout(toastTimer);
    toast.textContent = hide ? "" : message;
    toast.classList.toggle("error", Boolean(isError));
    toast.hidden = Boolean(hide);
    if (!hide) toastTimer = setTimeout(() => (toast.hidden = true), duration);
  }

  window.addEventListener("message", async (event) => {
    if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
    const message = event.data || {};
    if (message.source !== "tsuzuku-app-bridge") return;
    switch (message.type) {
      case "idToken": {
        const response = await fetch("/session-token", { cache: "no-store" });
        const { token } = await response.json();
        toApp({ type: "idToken", requestId: message.requestId, token });
        break;
      }
      case "nav":
        renderNav(message.items);
        break;
      case "title":
        title.textContent = message.title || config.appName;
        document.title = `${message.title ? `${message.title} · ` : ""}${config.appName} · ${config.shopName}`;
        break;
      case "location":
        currentPath = message.path;
        history.replaceState(null, "", `?${new URLSearchParams({ locale: config.locale, path: currentPath })}`);
        markCurrent();
        break;
      case "toast":
        showToast(message);
        break;
      case "loading":
        loading.hidden = !message.on;
        break;
    }
  });

  // The language switch keeps the page: the frame reloads with the app's current path.
  for (const link of document.querySelectorAll("a[data-locale]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      window.location.assign(`?${new URLSearchParams({ locale: link.dataset.locale, path: currentPath })}`);
    });
  }
})();
