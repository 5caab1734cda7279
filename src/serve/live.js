// folio serve: live reload. Injected in serve mode only; talks to its own origin only.
(() => {
  "use strict";
  const ID = "folio-overlay";
  // Visible to tests and to curious authors: is this page connected, to which build.
  const state = (window.__folio = { connected: false, version: null, swaps: 0 });
  let delay = 250;

  function clearOverlay() {
    const old = document.getElementById(ID);
    if (old) old.remove();
  }

  function showOverlay(text) {
    clearOverlay();
    const box = document.createElement("div");
    box.id = ID;
    box.setAttribute("role", "alert");
    box.style.cssText =
      "position:fixed;inset:0 0 auto 0;max-height:80vh;overflow:auto;z-index:2147483647;" +
      "margin:0;padding:1rem 1.5rem;background:#2b0b0b;color:#ffe9e9;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;" +
      "box-shadow:0 4px 24px rgba(0,0,0,.4);border-bottom:4px solid #e5484d";
    const title = document.createElement("h2");
    title.textContent = "Build failed";
    title.style.cssText = "margin:0 0 .5rem;font:600 16px/1.3 system-ui,sans-serif;color:#fff";
    const pre = document.createElement("pre");
    pre.textContent = text;
    pre.style.cssText = "margin:0;white-space:pre-wrap;word-break:break-word";
    const note = document.createElement("p");
    note.textContent = "The last good version is still served; save a fix and this page reloads.";
    note.style.cssText = "margin:.75rem 0 0;opacity:.75;font:13px system-ui,sans-serif";
    box.append(title, pre, note);
    document.body.append(box);
  }

  function swapStylesheets() {
    const stamp = Date.now().toString(36);
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("folio-reload", stamp);
      link.href = url.href;
    }
  }

  // The stylesheets and scripts a page loads: while they stay the same, a new version of
  // the page can replace the old one in place.
  function assets(doc) {
    return Array.from(doc.querySelectorAll('link[rel~="stylesheet"], script[src]'),
      (e) => e.getAttribute("href") || e.getAttribute("src")).join("\n");
  }

  // Fetches this page again and puts its body in place of the old one: no navigation, so
  // the scroll position stays and nothing else is fetched again. Scripts of the new body
  // do not run (this one keeps its connection); theme scripts hear "folio:swap" and
  // enhance the new body. Anything unusual falls back to a plain reload.
  async function swapPage() {
    try {
      const response = await fetch(location.href, { cache: "no-store" });
      const type = response.headers.get("content-type") || "";
      if (!response.ok || !type.includes("text/html")) throw new Error("not a page");
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      if (!next.body || assets(next) !== assets(document)) throw new Error("assets changed");
      document.title = next.title;
      document.body.replaceWith(next.body);
      state.swaps += 1;
      document.dispatchEvent(new Event("folio:swap"));
    } catch (e) {
      location.reload();
    }
  }

  // True if this tab shows the page at URL path `path` ("/notes/x/" or ".../index.html").
  function shows(path) {
    const page = (p) => decodeURI(p).replace(/index\.html$/, "");
    return page(location.pathname) === page(path);
  }

  function receive(message) {
    switch (message.type) {
      case "hello":
        // A new version after a reconnect means we missed a rebuild (or the server
        // restarted): catch up.
        if (state.version !== null && message.version !== state.version && !message.error) {
          location.reload();
          return;
        }
        state.version = message.version;
        if (message.error) showOverlay(message.error);
        else clearOverlay();
        break;
      case "reload":
        clearOverlay();
        // Only the tabs that show a page that changed: the others keep their place.
        if (!message.paths) location.reload();
        else if (message.paths.some(shows)) swapPage();
        break;
      case "css":
        clearOverlay();
        swapStylesheets();
        break;
      case "error":
        showOverlay(message.error);
        break;
    }
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(scheme + "//" + location.host + "/__folio/events");
    socket.onopen = () => { delay = 250; state.connected = true; };
    socket.onmessage = (event) => {
      try { receive(JSON.parse(event.data)); } catch (e) { console.warn("folio:", e); }
    };
    socket.onclose = () => {
      state.connected = false;
      // The server went away (restarted, or stopped): try again, more slowly each time.
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 2000);
    };
  }

  connect();
})();
