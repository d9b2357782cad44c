/*
 * Plan assistant chat: one custom element, <plan-assistant>, used both as the full-page chat
 * (GET /) and as a floating button + panel on any intranet page:
 *
 *   <script src="https://HOST/widget.js" data-title="Planassistenten" data-api="https://HOST"></script>
 *
 * No build step, no dependencies, no external fonts or CDNs. Answers stream over
 * Server-Sent Events read with fetch + ReadableStream (EventSource cannot POST).
 * Optional script attributes: data-mode="page" | "floating" (default), data-title,
 * data-api (default: the origin widget.js came from), data-key (API key sent as Bearer token),
 * data-launcher (button label), data-color (primary colour).
 */
(function () {
  "use strict";

  const script = document.currentScript;
  const scriptData = (script && script.dataset) || {};
  // The API lives where widget.js came from (also behind a reverse-proxy path prefix).
  const scriptOrigin = (script && script.src ? new URL(".", script.src).href : location.origin).replace(/\/+$/, "");

  const MAX_LEN = 2000;
  const CONTEXT_CHARS = 650;
  // Starter questions come from /api/suggestions only: each was answered, with a citation,
  // by the assistant on these documents. None are shown until they arrive.
  const DEFAULT_STARTERS = [];

  const T = {
    title: "Planassistenten",
    launcher: "Spørg om planerne",
    intro:
      "Spørg om budgetter, beslutninger, frister og opfølgninger i kommunens plandokumenter. " +
      "Svarene henviser til kilderne – klik på et nummer for at se det præcise uddrag.",
    starters: "Forslag til spørgsmål",
    newChat: "Ny samtale",
    overview: "Overblik",
    backToChat: "Til chatten",
    close: "Luk chatten",
    log: "Samtale",
    inputLabel: "Dit spørgsmål",
    placeholder: "Stil et spørgsmål om planer og referater …",
    send: "Send",
    sendLabel: "Send spørgsmål",
    hint: "Enter sender · Shift+Enter giver ny linje",
    you: "Du",
    assistant: "Assistenten",
    thinking: "Søger i dokumenterne …",
    abstained: "Ikke fundet i dokumenterne",
    sources: "Kilder",
    nearest: "Nærmeste kilder",
    copy: "Kopiér svar",
    copied: "Svaret er kopieret.",
    copyFailed: "Kunne ikke kopiere.",
    up: "Godt svar",
    down: "Dårligt svar",
    thanks: "Tak for din feedback.",
    commentLabel: "Hvad manglede eller var forkert? (valgfrit)",
    commentSend: "Send kommentar",
    commentThanks: "Tak – kommentaren er gemt.",
    feedbackFailed: "Feedback kunne ikke gemmes.",
    tableCopy: "Kopiér",
    tableCsv: "Hent CSV",
    tableCopied: "Tabellen er kopieret.",
    sortBy: "Sortér efter",
    sourcePanel: "Kilde",
    closeSource: "Luk",
    loadingDoc: "Henter dokumentet …",
    docFailed: "Dokumentet kunne ikke hentes.",
    quoteMissing: "Uddraget kunne ikke findes i dokumentteksten.",
    openFile: "Åbn originalfilen",
    date: "Dato",
    committee: "Udvalg",
    page: "Side",
    section: "Afsnit",
    docType: "Type",
    file: "Fil",
    showSource: "Vis kilde",
    tooLong: `Spørgsmålet er for langt (højst ${MAX_LEN} tegn).`,
    networkError: "Der er ingen forbindelse til assistenten. Prøv igen om lidt.",
    serverError: "Der opstod en fejl. Prøv igen.",
    retry: "Prøv igen",
    yes: "Ja",
    no: "Nej",
  };

  const COLUMN_LABELS = {
    n: "Kilde",
    citation: "Kilde",
    initiative: "Initiativ",
    name: "Navn",
    title: "Titel",
    item: "Punkt",
    amount: "Beløb",
    amount_text: "Beløb",
    amount_dkk: "Beløb (kr.)",
    year: "År",
    years: "År",
    period: "Periode",
    purpose: "Formål",
    action: "Opfølgning",
    task: "Opgave",
    what: "Hvad",
    deadline: "Frist",
    deadline_text: "Frist",
    due: "Frist",
    due_date: "Frist (dato)",
    status: "Status",
    outstanding: "Udestående",
    owner: "Ansvarlig",
    responsible: "Ansvarlig",
    decision: "Beslutning",
    decided_by: "Besluttet af",
    text: "Tekst",
    description: "Beskrivelse",
    date: "Dato",
    committee: "Udvalg",
    source: "Dokument",
    document: "Dokument",
    page: "Side",
    section: "Afsnit",
    quote: "Citat",
    kilde: "Dokument",
    opfølgning: "Opfølgning",
    frist: "Frist",
    frist_dato: "Frist (dato)",
    ansvarlig: "Ansvarlig",
    initiativ: "Initiativ",
    beløb: "Beløb",
    beløb_kr: "Beløb (kr.)",
    år: "År",
    dokument: "Dokument",
    dato: "Dato",
    udvalg: "Udvalg",
    beslutning: "Beslutning",
    punkt: "Punkt",
  };
  // "frist" + "frist_dato": show the words, sort by the date (likewise amounts in kr.).
  const SORT_SUFFIXES = ["_dato", "_date", "_dkk", "_sort", "_kr"];
  const HIDDEN_COLUMNS = new Set([
    "doc_id", "chunk_id", "start", "end", "id", "access", "quote", "fact_id", "section_id",
  ]);

  const ICON = {
    chat:
      '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6a1.3 1.3 0 1 0 0 2.6A1.3 1.3 0 0 0 7 10zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6z"/></svg>',
    logo:
      '<svg class="pa-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><rect x="3" y="4" width="20" height="24" rx="3" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 11h10M8 16h10M8 21h6" stroke="currentColor" stroke-width="2" stroke-linecap="round"/><circle cx="24" cy="22" r="5" fill="#fff" stroke="currentColor" stroke-width="2"/><path d="M27.5 25.5 30 28" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>',
    send:
      '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.3 10.1 15 12 3.3 13.9z"/></svg>',
    copy:
      '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z"/></svg>',
    up:
      '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"/></svg>',
    down:
      '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1 6.6-6.6c.4-.4.6-.9.6-1.4V5a2 2 0 0 0-2-2H7c-.8 0-1.5.5-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z"/></svg>',
  };

  // ---------------------------------------------------------------- helpers

  function esc(value) {
    return String(value == null ? "" : value)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  const dateFormat = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric" });
  const numberFormat = new Intl.NumberFormat("da-DK");

  function formatDate(iso) {
    if (!iso) return "";
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    if (!m) return String(iso);
    return dateFormat.format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }

  /** Inline Markdown: bold, italic, code and [n] citation chips (input is already escaped). */
  function renderInline(escaped) {
    return escaped
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,;:!?]|$)/g, "$1<em>$2</em>")
      .replace(/\[(\d{1,3})\]/g, (_, n) =>
        `<button type="button" class="pa-chip" data-n="${n}" aria-label="${T.showSource} ${n}">${n}</button>`);
  }

  function tableCells(line) {
    return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
  }

  function isPipeTable(lines) {
    return (
      lines.length >= 2 &&
      lines.every((l) => /^\s*\|.*\|\s*$/.test(l)) &&
      /^[\s|:-]+$/.test(lines[1])
    );
  }

  /**
   * A small, safe Markdown subset: paragraphs, bullet and numbered lists, headings as bold and
   * pipe tables. With `tableSlot`, the first pipe table becomes a placeholder where the
   * interactive (sortable, copyable) version of the answer's table is mounted.
   */
  function renderMarkdown(text, tableSlot) {
    const blocks = String(text || "").replace(/\r\n?/g, "\n").split(/\n{2,}/);
    const html = [];
    let slotUsed = false;
    for (const block of blocks) {
      const lines = block.split("\n").filter((l) => l.trim() !== "");
      if (!lines.length) continue;
      if (isPipeTable(lines)) {
        if (tableSlot && !slotUsed) {
          slotUsed = true;
          html.push('<div class="pa-table-slot"></div>');
        } else {
          const head = tableCells(lines[0]).map((c) => `<th scope="col">${renderInline(esc(c))}</th>`).join("");
          const body = lines
            .slice(2)
            .map((l) => `<tr>${tableCells(l).map((c) => `<td>${renderInline(esc(c))}</td>`).join("")}</tr>`)
            .join("");
          html.push(`<div class="pa-table-scroll"><table class="pa-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`);
        }
        continue;
      }
      if (lines.every((l) => /^\s*[-*•]\s+/.test(l))) {
        html.push("<ul>" + lines.map((l) => `<li>${renderInline(esc(l.replace(/^\s*[-*•]\s+/, "")))}</li>`).join("") + "</ul>");
      } else if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l))) {
        html.push("<ol>" + lines.map((l) => `<li>${renderInline(esc(l.replace(/^\s*\d+[.)]\s+/, "")))}</li>`).join("") + "</ol>");
      } else {
        const body = lines
          .map((l) => {
            const heading = /^\s*#{1,6}\s+(.*)$/.exec(l);
            return heading ? `<strong>${renderInline(esc(heading[1]))}</strong>` : renderInline(esc(l));
          })
          .join("<br>");
        html.push(`<p>${body}</p>`);
      }
    }
    return html.join("");
  }

  /** Parse a text/event-stream body into {event, data} objects as chunks arrive. */
  async function* readSse(response) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += decoder.decode(value, { stream: !done });
      if (done) buffer += "\n\n";
      // Keep a trailing "\r" until we know whether "\n" follows in the next chunk.
      const keep = !done && buffer.endsWith("\r") ? 1 : 0;
      const ready = buffer.slice(0, buffer.length - keep).replace(/\r\n?/g, "\n");
      const parts = ready.split("\n\n");
      buffer = parts.pop() + buffer.slice(buffer.length - keep);
      for (const part of parts) {
        let event = "message";
        const data = [];
        for (const line of part.split("\n")) {
          if (!line || line.startsWith(":")) continue;
          const idx = line.indexOf(":");
          const field = idx === -1 ? line : line.slice(0, idx);
          let val = idx === -1 ? "" : line.slice(idx + 1);
          if (val.startsWith(" ")) val = val.slice(1);
          if (field === "event") event = val;
          else if (field === "data") data.push(val);
        }
        if (data.length) yield { event, data: data.join("\n") };
      }
      if (done) return;
    }
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      if (typeof body.detail === "string") return body.detail;
      if (Array.isArray(body.detail) && body.detail.length) return body.detail.map((d) => d.msg).join(" ");
    } catch (_) {
      /* not JSON */
    }
    return T.serverError;
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_) {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      let ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (_) {
        ok = false;
      }
      area.remove();
      return ok;
    }
  }

  // ---------------------------------------------------------------- tables

  function columnLabel(key) {
    if (COLUMN_LABELS[key]) return COLUMN_LABELS[key];
    const words = String(key).replace(/_/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function tableColumns(rows) {
    const cols = [];
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        if (cols.includes(key) || HIDDEN_COLUMNS.has(key) || key.startsWith("_")) continue;
        const v = row[key];
        if (v !== null && typeof v === "object" && !Array.isArray(v)) continue;
        cols.push(key);
      }
    }
    // A column nobody filled in (e.g. no responsible person named anywhere) is noise.
    const filled = (k) => rows.some((r) => r[k] !== null && r[k] !== undefined && r[k] !== "");
    cols.splice(0, cols.length, ...cols.filter(filled));
    // The citation chip first: narrow, always visible, one click to the source.
    return cols.filter(isCitationColumn).concat(cols.filter((c) => !isCitationColumn(c)));
  }

  function isCitationColumn(key) {
    return key === "n" || key === "citation";
  }

  function cellText(key, value) {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return value ? T.yes : T.no;
    if (Array.isArray(value)) return value.map((v) => cellText(key, v)).join(", ");
    if (typeof value === "number") return numberFormat.format(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return formatDate(value);
    return String(value);
  }

  function compareValues(a, b) {
    const empty = (v) => v === null || v === undefined || v === "";
    if (empty(a) && empty(b)) return 0;
    if (empty(a)) return 1;
    if (empty(b)) return -1;
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), "da", { numeric: true, sensitivity: "base" });
  }

  function csvCell(text) {
    const s = String(text);
    return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }

  // ---------------------------------------------------------------- element

  class PlanAssistantElement extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: "open" });
      this.conversationId = null;
      this.busy = false;
      this.views = [];
      this.docCache = new Map();
      this.sourceToken = 0;
      this.lastTrigger = null;
    }

    connectedCallback() {
      if (this._built) return;
      this._built = true;
      this.api = (this.getAttribute("api") || scriptData.api || scriptOrigin).replace(/\/+$/, "");
      this.mode = this.getAttribute("mode") === "page" ? "page" : "floating";
      this.heading = this.getAttribute("heading") || T.title;
      this.apiKey = this.getAttribute("api-key") || "";
      const color = this.getAttribute("color");
      if (color) this.style.setProperty("--pa-primary", color);
      this.storageKey = `plan-assistant:${this.api}:conversation`;
      this.build();
      this.bind();
      this.loadDocIndex();
      this.restoreConversation();
      this.loadSuggestions();
    }

    /** Events for the host page (analytics, tests): plan-assistant:delta, plan-assistant:answer. */
    emit(name, detail) {
      this.dispatchEvent(new CustomEvent(`plan-assistant:${name}`, { detail, bubbles: true, composed: true }));
    }

    headers(extra) {
      const h = Object.assign({ Accept: "application/json" }, extra || {});
      if (this.apiKey) h.Authorization = `Bearer ${this.apiKey}`;
      return h;
    }

    // ------------------------------------------------------------ DOM

    build() {
      const floating = this.mode === "floating";
      const h = floating ? "h2" : "h1";
      this.shadowRoot.innerHTML = `
        <style>:host{visibility:hidden}</style>
        <link rel="stylesheet" href="${esc(this.api)}/chat.css">
        <div class="pa-root pa-mode-${this.mode}">
          ${floating ? `<button type="button" class="pa-launcher" aria-expanded="false" aria-controls="pa-panel">${ICON.chat}<span class="pa-launcher-label">${esc(this.getAttribute("launcher") || T.launcher)}</span></button>` : ""}
          <section class="pa-panel" id="pa-panel" aria-labelledby="pa-title" ${floating ? 'role="dialog" hidden' : 'role="main"'}>
            <header class="pa-header">
              ${ICON.logo}
              <${h} id="pa-title">${esc(this.heading)}</${h}>
              <button type="button" class="pa-overview-toggle" aria-pressed="false">${T.overview}</button>
              <button type="button" class="pa-new">${T.newChat}</button>
              ${floating ? `<button type="button" class="pa-close" aria-label="${T.close}">×</button>` : ""}
            </header>
            <div class="pa-body">
              <div class="pa-chat">
                <div class="pa-log" role="log" aria-live="polite" aria-relevant="additions" aria-label="${T.log}" tabindex="0"></div>
                <form class="pa-composer" novalidate>
                  <div class="pa-composer-inner">
                    <label for="pa-input" class="sr-only">${T.inputLabel}</label>
                    <textarea id="pa-input" rows="1" maxlength="${MAX_LEN}" placeholder="${esc(T.placeholder)}" aria-describedby="pa-hint" autocomplete="off"></textarea>
                    <button type="submit" class="pa-send" aria-label="${T.sendLabel}">${ICON.send}<span>${T.send}</span></button>
                  </div>
                  <p class="pa-hint" id="pa-hint">${T.hint}</p>
                </form>
              </div>
              <div class="pa-overview" style="display:none;flex:1;flex-direction:column;min-width:0;min-height:0"></div>
              <aside class="pa-source" hidden tabindex="-1" aria-labelledby="pa-source-title">
                <div class="pa-source-head">
                  <h2 id="pa-source-title" tabindex="-1">${T.sourcePanel}</h2>
                  <button type="button" class="pa-source-close">${T.closeSource}</button>
                </div>
                <dl class="pa-source-meta-list"></dl>
                <div class="pa-excerpt"></div>
                <div class="pa-source-foot"></div>
              </aside>
            </div>
          </section>
        </div>`;
      const $ = (sel) => this.shadowRoot.querySelector(sel);
      this.el = {
        root: $(".pa-root"),
        launcher: $(".pa-launcher"),
        panel: $(".pa-panel"),
        newChat: $(".pa-new"),
        overviewToggle: $(".pa-overview-toggle"),
        overview: $(".pa-overview"),
        chat: $(".pa-chat"),
        close: $(".pa-close"),
        log: $(".pa-log"),
        form: $(".pa-composer"),
        input: $("#pa-input"),
        send: $(".pa-send"),
        source: $(".pa-source"),
        sourceTitle: $("#pa-source-title"),
        sourceMeta: $(".pa-source-meta-list"),
        excerpt: $(".pa-excerpt"),
        sourceFoot: $(".pa-source-foot"),
        sourceClose: $(".pa-source-close"),
      };
      const link = this.shadowRoot.querySelector("link");
      // Remove exactly the hiding rule, once: a later call must not remove another <style>
      // (the Overblik view injects its own next to it).
      const hide = this.shadowRoot.querySelector("style");
      const reveal = () => hide.remove();
      link.addEventListener("load", reveal);
      link.addEventListener("error", reveal);
      setTimeout(reveal, 3000);
      this.showWelcome(DEFAULT_STARTERS);
    }

    bind() {
      const el = this.el;
      el.form.addEventListener("submit", (e) => {
        e.preventDefault();
        this.submit();
      });
      el.input.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.submit();
        }
      });
      el.input.addEventListener("input", () => this.autosize());
      el.newChat.addEventListener("click", () => this.newConversation());
      el.overviewToggle.addEventListener("click", () => this.toggleOverview());
      el.sourceClose.addEventListener("click", () => this.closeSource());
      if (el.launcher) el.launcher.addEventListener("click", () => this.togglePanel());
      if (el.close) el.close.addEventListener("click", () => this.togglePanel(false));
      el.log.addEventListener("click", (e) => this.onLogClick(e));
      this.shadowRoot.addEventListener("keydown", (e) => {
        if (e.key !== "Escape") return;
        if (!el.source.hidden) {
          e.stopPropagation();
          this.closeSource();
        } else if (this.mode === "floating" && !el.panel.hidden) {
          this.togglePanel(false);
        }
      });
    }

    autosize() {
      const input = this.el.input;
      input.style.height = "auto";
      input.style.height = `${Math.min(input.scrollHeight + 2, 160)}px`;
    }

    togglePanel(force) {
      const el = this.el;
      const open = typeof force === "boolean" ? force : el.panel.hidden;
      el.panel.hidden = !open;
      el.launcher.setAttribute("aria-expanded", String(open));
      if (open) el.input.focus();
      else el.launcher.focus();
    }

    /** The Overblik view (api/static/overview.js, loaded on first use) in place of the chat. */
    async toggleOverview(force) {
      const el = this.el;
      const open = typeof force === "boolean" ? force : el.overview.style.display === "none";
      el.overview.style.display = open ? "flex" : "none";
      el.chat.style.display = open ? "none" : "";
      el.overviewToggle.setAttribute("aria-pressed", String(open));
      el.overviewToggle.textContent = open ? T.backToChat : T.overview;
      if (!open) {
        el.input.focus();
        return;
      }
      if (!this.overview) {
        try {
          const mod = await import(`${this.api}/overview.js`);
          this.overview = mod.mountOverview(el.overview, {
            api: this.api,
            headers: () => this.headers(),
            openSource: (c, trigger) => this.openSource(c, trigger),
            ask: (question) => {
              this.toggleOverview(false);
              this.ask(question);
            },
          });
        } catch (_) {
          el.overview.textContent = T.serverError;
          return;
        }
      }
      const heading = el.overview.querySelector("h2");
      if (heading) heading.focus();
    }

    showWelcome(starters) {
      const log = this.el.log;
      let welcome = log.querySelector(".pa-welcome");
      if (!welcome) {
        welcome = document.createElement("div");
        welcome.className = "pa-welcome";
        log.prepend(welcome);
      }
      const list = starters.length
        ? `<ul class="pa-starters" aria-label="${T.starters}">
          ${starters.map((q) => `<li><button type="button" class="pa-starter">${esc(q)}</button></li>`).join("")}
        </ul>`
        : "";
      welcome.innerHTML = `<p>${esc(T.intro)}</p>${list}`;
      welcome.hidden = this.views.length > 0;
    }

    async loadSuggestions() {
      try {
        const res = await fetch(`${this.api}/api/suggestions`, { headers: this.headers() });
        if (!res.ok) return;
        const body = await res.json();
        if (Array.isArray(body.suggestions) && body.suggestions.length) this.showWelcome(body.suggestions.slice(0, 6));
      } catch (_) {
        /* keep the defaults */
      }
    }

    scrollToEnd() {
      const log = this.el.log;
      log.scrollTop = log.scrollHeight;
    }

    setBusy(busy) {
      this.busy = busy;
      this.el.send.disabled = busy;
      this.el.log.setAttribute("aria-busy", String(busy));
    }

    // ------------------------------------------------------------ conversation

    newConversation() {
      this.conversationId = null;
      try {
        sessionStorage.removeItem(this.storageKey);
      } catch (_) {
        /* storage may be blocked */
      }
      this.views = [];
      for (const node of Array.from(this.el.log.children)) {
        if (!node.classList.contains("pa-welcome")) node.remove();
      }
      const welcome = this.el.log.querySelector(".pa-welcome");
      if (welcome) welcome.hidden = false;
      this.closeSource();
      this.el.input.value = "";
      this.autosize();
      this.el.input.focus();
    }

    rememberConversation(id) {
      if (!id) return;
      this.conversationId = id;
      try {
        sessionStorage.setItem(this.storageKey, id);
      } catch (_) {
        /* storage may be blocked */
      }
    }

    async restoreConversation() {
      let id = null;
      try {
        id = sessionStorage.getItem(this.storageKey);
      } catch (_) {
        return;
      }
      if (!id) return;
      try {
        const res = await fetch(`${this.api}/api/conversations/${encodeURIComponent(id)}`, { headers: this.headers() });
        if (!res.ok) {
          sessionStorage.removeItem(this.storageKey);
          return;
        }
        const conv = await res.json();
        if (this.views.length) return; // the user already started typing a new question
        this.conversationId = conv.id;
        for (const msg of conv.messages || []) {
          if (msg.role === "user") this.appendUser(msg.content);
          else if (msg.answer) this.appendAssistant().fromAnswer(msg.answer, msg.id);
        }
        this.scrollToEnd();
      } catch (_) {
        /* start fresh */
      }
    }

    submit() {
      const text = this.el.input.value;
      if (this.busy || !text.trim()) return;
      this.ask(text);
    }

    async ask(question) {
      const text = question.trim();
      if (!text || this.busy) return;
      const welcome = this.el.log.querySelector(".pa-welcome");
      if (welcome) welcome.hidden = true;
      this.appendUser(text);
      this.el.input.value = "";
      this.autosize();
      const view = this.appendAssistant();
      if (text.length > MAX_LEN) {
        view.fail(T.tooLong, text);
        return;
      }
      this.setBusy(true);
      try {
        const res = await fetch(`${this.api}/api/chat`, {
          method: "POST",
          headers: this.headers({ "Content-Type": "application/json", Accept: "text/event-stream" }),
          body: JSON.stringify({ message: text, conversation_id: this.conversationId, stream: true }),
        });
        if (!res.ok) throw new Error(await errorMessage(res));
        const type = res.headers.get("content-type") || "";
        if (type.includes("text/event-stream") && res.body) {
          for await (const ev of readSse(res)) view.onEvent(ev.event, JSON.parse(ev.data));
          if (!view.finished) view.finish({});
        } else {
          const answer = await res.json();
          this.rememberConversation(answer.conversation_id);
          view.fromAnswer(answer, answer.message_id);
        }
      } catch (err) {
        const msg = err instanceof TypeError ? T.networkError : err.message || T.serverError;
        view.fail(msg, text);
      } finally {
        this.setBusy(false);
        if (this.mode === "page" || !this.el.panel.hidden) this.el.input.focus({ preventScroll: true });
      }
    }

    appendUser(text) {
      const node = document.createElement("div");
      node.className = "pa-msg pa-msg-user";
      node.innerHTML = `<span class="sr-only">${T.you}:</span><div class="pa-bubble">${esc(text)}</div>`;
      this.el.log.appendChild(node);
      this.scrollToEnd();
    }

    appendAssistant() {
      const view = new MessageView(this, this.views.length);
      this.views.push(view);
      this.el.log.appendChild(view.root);
      this.scrollToEnd();
      return view;
    }

    onLogClick(e) {
      const target = e.target.closest("button");
      if (!target) return;
      if (target.classList.contains("pa-starter")) {
        this.ask(target.textContent);
        return;
      }
      const msg = target.closest(".pa-msg-assistant");
      const view = msg ? this.views[Number(msg.dataset.index)] : null;
      if (!view) return;
      if (target.dataset.n) {
        const c = view.citation(Number(target.dataset.n));
        if (c) this.openSource(c, target);
      } else if (target.dataset.hit) {
        const hit = view.sources[Number(target.dataset.hit)];
        if (hit) this.openSource(Object.assign({ quote: hit.text }, hit), target);
      }
    }

    // ------------------------------------------------------------ sources

    /** id -> date text ("August 2005", "7. juni 2021") from the document list, loaded once. */
    loadDocIndex() {
      this.docIndex = new Map();
      fetch(`${this.api}/api/documents`, { headers: this.headers() })
        .then((res) => (res.ok ? res.json() : { documents: [] }))
        .then((body) => {
          for (const d of body.documents || []) this.docIndex.set(d.id, d);
        })
        .catch(() => {});
    }

    dateLabel(docId, iso) {
      const doc = this.docIndex && this.docIndex.get(docId);
      if (doc && doc.date_text) return doc.date_text;
      return iso ? String(iso).slice(0, 4) : "";
    }

    async getDocument(docId) {
      if (!this.docCache.has(docId)) {
        const promise = fetch(`${this.api}/api/documents/${encodeURIComponent(docId)}`, { headers: this.headers() }).then(
          async (res) => {
            if (!res.ok) throw new Error(await errorMessage(res));
            return res.json();
          },
        );
        this.docCache.set(docId, promise);
        promise.catch(() => this.docCache.delete(docId));
      }
      return this.docCache.get(docId);
    }

    async openSource(c, trigger) {
      const el = this.el;
      const token = ++this.sourceToken;
      this.shadowRoot.querySelectorAll('.pa-chip[aria-current="true"]').forEach((b) => b.removeAttribute("aria-current"));
      if (trigger && trigger.classList.contains("pa-chip")) trigger.setAttribute("aria-current", "true");
      this.lastTrigger = trigger || null;
      el.source.hidden = false;
      el.sourceTitle.textContent = c.title || c.source || T.sourcePanel;
      this.renderSourceMeta(c, null);
      el.excerpt.textContent = T.loadingDoc;
      el.sourceFoot.innerHTML = "";
      el.sourceTitle.focus();
      let doc;
      try {
        doc = await this.getDocument(c.doc_id);
      } catch (err) {
        if (token === this.sourceToken) el.excerpt.textContent = err.message || T.docFailed;
        return;
      }
      if (token !== this.sourceToken) return;
      el.sourceTitle.textContent = doc.title || c.title || c.source;
      this.renderSourceMeta(c, doc);
      this.renderExcerpt(doc.text || "", c);
      el.sourceFoot.innerHTML = `<a href="${esc(this.api)}/api/documents/${encodeURIComponent(doc.id)}/file" target="_blank" rel="noopener">${T.openFile} (${esc(doc.source || c.source || "")})</a>`;
    }

    renderSourceMeta(c, doc) {
      const rows = [];
      const date = (doc && (doc.date_text || doc.date)) || this.dateLabel(c.doc_id, c.date);
      const committee = (doc && doc.committee) || c.committee;
      const docType = doc && doc.doc_type;
      if (date) rows.push([T.date, /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date) : date]);
      if (committee) rows.push([T.committee, committee]);
      if (docType && docType !== "other") rows.push([T.docType, docType.charAt(0).toUpperCase() + docType.slice(1)]);
      if (c.page) rows.push([T.page, String(c.page)]);
      if (c.section) rows.push([T.section, c.section]);
      rows.push([T.file, (doc && doc.source) || c.source || ""]);
      this.el.sourceMeta.innerHTML = rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("");
    }

    renderExcerpt(text, c) {
      const el = this.el;
      let start = Number(c.start);
      let end = Number(c.end);
      const quote = c.quote || "";
      if (!(text.slice(start, end) === quote && end > start)) {
        const found = quote ? text.indexOf(quote) : -1;
        if (found === -1) {
          el.excerpt.innerHTML = `<p class="pa-ellipsis">${esc(T.quoteMissing)}</p><mark>${esc(quote)}</mark>`;
          return;
        }
        start = found;
        end = found + quote.length;
      }
      // About CONTEXT_CHARS either side, cut at a line break (else a space) inside that window.
      let from = Math.max(0, start - CONTEXT_CHARS);
      let to = Math.min(text.length, end + CONTEXT_CHARS);
      if (from > 0) {
        const line = text.indexOf("\n", from);
        const space = text.indexOf(" ", from);
        from = line !== -1 && line < start ? line + 1 : space !== -1 && space < start ? space + 1 : start;
      }
      if (to < text.length) {
        const line = text.lastIndexOf("\n", to);
        const space = text.lastIndexOf(" ", to);
        to = line > end ? line : space > end ? space : end;
      }
      el.excerpt.innerHTML =
        (from > 0 ? '<span class="pa-ellipsis">… </span>' : "") +
        esc(text.slice(from, start)) +
        `<mark>${esc(text.slice(start, end))}</mark>` +
        esc(text.slice(end, to)) +
        (to < text.length ? '<span class="pa-ellipsis"> …</span>' : "");
      const mark = el.excerpt.querySelector("mark");
      el.excerpt.scrollTop = Math.max(0, mark.offsetTop - el.excerpt.offsetTop - 60);
    }

    closeSource() {
      const el = this.el;
      if (el.source.hidden) return;
      el.source.hidden = true;
      this.sourceToken++;
      this.shadowRoot.querySelectorAll('.pa-chip[aria-current="true"]').forEach((b) => b.removeAttribute("aria-current"));
      if (this.lastTrigger && this.lastTrigger.isConnected) this.lastTrigger.focus();
      this.lastTrigger = null;
    }
  }

  // ---------------------------------------------------------------- one assistant message

  class MessageView {
    constructor(host, index) {
      this.host = host;
      this.index = index;
      this.text = "";
      this.citations = [];
      this.sources = [];
      this.table = null;
      this.abstained = false;
      this.messageId = null;
      this.finished = false;
      this.rating = null;
      this.root = document.createElement("article");
      this.root.className = "pa-msg pa-msg-assistant";
      this.root.dataset.index = String(index);
      this.root.setAttribute("aria-label", T.assistant);
      this.root.innerHTML = `<div class="pa-bubble" aria-busy="true">
          <div class="pa-text pa-thinking">${T.thinking}</div>
          <div class="pa-extra"></div>
        </div>
        <div class="pa-actions" hidden></div>`;
      this.bubble = this.root.querySelector(".pa-bubble");
      this.textEl = this.root.querySelector(".pa-text");
      this.extra = this.root.querySelector(".pa-extra");
      this.actions = this.root.querySelector(".pa-actions");
      this.pending = false;
    }

    citation(n) {
      return this.citations.find((c) => Number(c.n) === n) || null;
    }

    onEvent(name, data) {
      if (name === "start") {
        this.host.rememberConversation(data.conversation_id);
        this.messageId = data.message_id || null;
      } else if (name === "delta") {
        this.text += data.text || "";
        this.host.emit("delta", { text: data.text || "" });
        this.scheduleText();
      } else if (name === "citations") {
        this.citations = data.citations || [];
        this.renderExtra();
      } else if (name === "table") {
        this.table = data.rows || null;
        this.renderExtra();
      } else if (name === "done") {
        this.finish(data);
      } else if (name === "error") {
        this.fail(data.detail || T.serverError);
      }
    }

    scheduleText() {
      if (this.pending) return;
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        if (!this.finished) this.renderText(true); // `finish` already drew the final text
      });
    }

    renderText(streaming) {
      this.textEl.classList.remove("pa-thinking");
      this.textEl.classList.toggle("pa-typing", Boolean(streaming));
      this.textEl.innerHTML = renderMarkdown(this.text, Boolean(this.table && this.table.length));
      this.placeTable();
      this.host.scrollToEnd();
    }

    fromAnswer(answer, messageId) {
      this.text = answer.text || "";
      this.citations = answer.citations || [];
      this.table = answer.table || null;
      this.finish(Object.assign({}, answer, { message_id: messageId || answer.message_id }));
    }

    finish(data) {
      this.finished = true;
      if (data.conversation_id) this.host.rememberConversation(data.conversation_id);
      if (data.message_id) this.messageId = data.message_id;
      if (typeof data.text === "string") this.text = data.text;
      if (Array.isArray(data.citations)) this.citations = data.citations;
      this.abstained = Boolean(data.abstained);
      this.sources = Array.isArray(data.sources) ? data.sources : [];
      this.notice = data.notice || null;
      this.root.classList.toggle("pa-abstained", this.abstained);
      this.bubble.setAttribute("aria-busy", "false");
      this.renderText(false);
      if (this.abstained) this.textEl.insertAdjacentHTML("afterbegin", `<div class="pa-abstain-label">${T.abstained}</div>`);
      this.renderExtra();
      this.renderActions();
      this.host.scrollToEnd();
      this.host.emit("answer", Object.assign({}, data, { text: this.text, citations: this.citations }));
    }

    fail(message, retryText) {
      this.finished = true;
      this.bubble.setAttribute("aria-busy", "false");
      this.textEl.classList.remove("pa-thinking", "pa-typing");
      this.textEl.innerHTML = `<p class="pa-error" role="alert">${esc(message)}</p>`;
      if (retryText && retryText.length <= MAX_LEN) {
        const btn = document.createElement("button");
        btn.type = "button";
        btn.className = "pa-action";
        btn.textContent = T.retry;
        btn.addEventListener("click", () => {
          this.root.remove();
          const prev = this.host.el.log.lastElementChild;
          if (prev && prev.classList.contains("pa-msg-user")) prev.remove();
          this.host.views[this.index] = null;
          this.host.ask(retryText);
        });
        this.actions.replaceChildren(btn);
        this.actions.hidden = false;
      }
    }

    renderExtra() {
      const parts = [];
      if (this.notice) parts.push(`<p class="pa-notice">${esc(this.notice)}</p>`);
      this.extra.innerHTML = parts.join("");
      this.placeTable();
      if (this.citations.length) {
        // One line per document: its title once, a chip per cited passage.
        const groups = new Map();
        for (const c of this.citations) {
          if (!groups.has(c.doc_id)) groups.set(c.doc_id, []);
          groups.get(c.doc_id).push(c);
        }
        const items = Array.from(groups.values()).map((cs) => {
          const first = cs[0];
          const pages = Array.from(new Set(cs.map((c) => c.page).filter(Boolean)));
          const meta = [pages.length ? `s. ${pages.join(", ")}` : "", this.host.dateLabel(first.doc_id, first.date)]
            .filter(Boolean)
            .join(" · ");
          const chips = cs
            .map((c) => `<button type="button" class="pa-chip" data-n="${esc(c.n)}" aria-label="${T.showSource} ${esc(c.n)}">${esc(c.n)}</button>`)
            .join("");
          return `<li>${chips} <button type="button" class="pa-source-link" data-n="${esc(first.n)}">${esc(first.title || first.source)}</button>${meta ? ` <span class="pa-source-meta">· ${esc(meta)}</span>` : ""}</li>`;
        });
        this.extra.insertAdjacentHTML(
          "beforeend",
          `<div class="pa-sources"><h3>${T.sources}</h3><ul>${items.join("")}</ul></div>`,
        );
      } else if (this.abstained && this.sources.length) {
        this.extra.insertAdjacentHTML(
          "beforeend",
          `<div class="pa-sources"><h3>${T.nearest}</h3><ul>${this.sources
            .slice(0, 5)
            .map((s, i) => {
              const meta = [s.page ? `s. ${s.page}` : "", s.section || ""].filter(Boolean).join(" · ");
              return `<li><button type="button" class="pa-source-link" data-hit="${i}">${esc(s.title || s.source)}</button>${meta ? ` <span class="pa-source-meta">· ${esc(meta)}</span>` : ""}</li>`;
            })
            .join("")}</ul></div>`,
        );
      }
      // Give inline chips a descriptive name once the sources are known.
      for (const chip of this.textEl.querySelectorAll(".pa-chip")) {
        const c = this.citation(Number(chip.dataset.n));
        if (c) chip.setAttribute("aria-label", `${T.showSource} ${c.n}: ${c.title || c.source}${c.page ? `, side ${c.page}` : ""}`);
      }
    }

    /** Mount the interactive table where the text's own table was, else under the text. */
    placeTable() {
      if (!(this.table && this.table.length)) return;
      if (!this.tableEl || this.tableEl._rows !== this.table) {
        this.tableEl = this.buildTable(this.table);
        this.tableEl._rows = this.table;
      }
      const slot = this.textEl.querySelector(".pa-table-slot");
      if (slot) slot.replaceWith(this.tableEl);
      else if (!this.textEl.contains(this.tableEl)) this.extra.prepend(this.tableEl);
    }

    buildTable(rows) {
      const cols = tableColumns(rows);
      const sortKey = {};
      for (const col of cols.slice()) {
        const helper = cols.find((c) => SORT_SUFFIXES.some((sfx) => c === col + sfx));
        if (helper) {
          sortKey[col] = helper;
          cols.splice(cols.indexOf(helper), 1);
        }
      }
      const wrap = document.createElement("div");
      wrap.className = "pa-table-wrap";
      const numeric = new Set(cols.filter((k) => rows.every((r) => r[k] == null || typeof r[k] === "number")));
      // The column with the longest texts gets room to wrap in lines, not in letters.
      const textLength = (k) => rows.reduce((sum, r) => sum + String(r[k] == null ? "" : r[k]).length, 0);
      const wide = cols.filter((k) => !numeric.has(k)).sort((a, b) => textLength(b) - textLength(a))[0];
      wrap.innerHTML = `<div class="pa-table-scroll"><table class="pa-table">
          <thead><tr>${cols
            .map((k) => `<th scope="col" aria-sort="none" class="${numeric.has(k) ? "pa-num" : ""}"><button type="button" data-col="${esc(k)}" aria-label="${T.sortBy} ${esc(columnLabel(k))}">${esc(columnLabel(k))}<span class="pa-sort-icon" aria-hidden="true">↕</span></button></th>`)
            .join("")}</tr></thead><tbody></tbody></table></div>
        <div class="pa-table-tools">
          <button type="button" class="pa-action pa-table-copy">${ICON.copy}${T.tableCopy}</button>
          <button type="button" class="pa-action pa-table-csv">${T.tableCsv}</button>
          <span class="pa-status" role="status"></span>
        </div>`;
      const tbody = wrap.querySelector("tbody");
      const status = wrap.querySelector(".pa-status");
      let order = rows.slice();
      const renderBody = () => {
        tbody.innerHTML = order
          .map(
            (r) =>
              `<tr>${cols
                .map((k) => {
                  if (isCitationColumn(k) && r[k] != null) {
                    return `<td><button type="button" class="pa-chip" data-n="${esc(r[k])}" aria-label="${T.showSource} ${esc(r[k])}">${esc(r[k])}</button></td>`;
                  }
                  // File names break after _ . - rather than in the middle of a word.
                  const html = esc(cellText(k, r[k])).replace(/([_.\-/])(?=\S)/g, "$1<wbr>");
                  const cls = numeric.has(k) ? "pa-num" : k === wide ? "pa-wide" : "";
                  return `<td class="${cls}">${html}</td>`;
                })
                .join("")}</tr>`,
          )
          .join("");
      };
      renderBody();
      let sortCol = null;
      let sortDir = 1;
      wrap.querySelector("thead").addEventListener("click", (e) => {
        const btn = e.target.closest("button[data-col]");
        if (!btn) return;
        const col = btn.dataset.col;
        sortDir = sortCol === col ? -sortDir : 1;
        sortCol = col;
        const key = sortKey[col] || col;
        order = rows.slice().sort((a, b) => sortDir * compareValues(a[key], b[key]));
        for (const th of wrap.querySelectorAll("th")) {
          const active = th.firstElementChild.dataset.col === col;
          th.setAttribute("aria-sort", active ? (sortDir > 0 ? "ascending" : "descending") : "none");
          th.querySelector(".pa-sort-icon").textContent = active ? (sortDir > 0 ? "▲" : "▼") : "↕";
        }
        renderBody();
      });
      const matrix = () => [cols.map(columnLabel)].concat(order.map((r) => cols.map((k) => cellText(k, r[k]))));
      wrap.querySelector(".pa-table-copy").addEventListener("click", async () => {
        const ok = await copyText(matrix().map((line) => line.join("\t")).join("\n"));
        status.textContent = ok ? T.tableCopied : T.copyFailed;
      });
      wrap.querySelector(".pa-table-csv").addEventListener("click", () => {
        // Semicolons and a BOM: what Danish Excel opens correctly.
        const csv = "\ufeff" + matrix().map((line) => line.map(csvCell).join(";")).join("\r\n") + "\r\n";
        const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = "planassistent-tabel.csv";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      });
      return wrap;
    }

    plainText() {
      let out = this.text;
      if (this.citations.length) {
        out +=
          "\n\nKilder:\n" +
          this.citations
            .map((c) => `[${c.n}] ${c.source}${c.page ? `, s. ${c.page}` : ""} — “${c.quote}”`)
            .join("\n");
      }
      return out;
    }

    renderActions() {
      const a = this.actions;
      a.innerHTML = `
        <button type="button" class="pa-action pa-copy">${ICON.copy}<span>${T.copy}</span></button>
        <button type="button" class="pa-action pa-up" aria-pressed="false" aria-label="${T.up}" title="${T.up}">${ICON.up}</button>
        <button type="button" class="pa-action pa-down" aria-pressed="false" aria-label="${T.down}" title="${T.down}">${ICON.down}</button>
        <span class="pa-status" role="status"></span>`;
      a.hidden = false;
      const status = a.querySelector(".pa-status");
      a.querySelector(".pa-copy").addEventListener("click", async () => {
        status.textContent = (await copyText(this.plainText())) ? T.copied : T.copyFailed;
      });
      const up = a.querySelector(".pa-up");
      const down = a.querySelector(".pa-down");
      const rate = async (rating) => {
        up.setAttribute("aria-pressed", String(rating === "up"));
        down.setAttribute("aria-pressed", String(rating === "down"));
        this.rating = rating;
        const ok = await this.sendFeedback(rating, null);
        status.textContent = ok ? T.thanks : T.feedbackFailed;
        const form = a.querySelector(".pa-feedback-form");
        if (rating === "down" && ok && !form) this.showCommentForm(status);
        if (rating === "up" && form) form.remove();
      };
      up.addEventListener("click", () => rate("up"));
      down.addEventListener("click", () => rate("down"));
      if (!this.messageId) {
        up.disabled = true;
        down.disabled = true;
      }
    }

    showCommentForm(status) {
      const form = document.createElement("form");
      form.className = "pa-feedback-form";
      const id = `pa-comment-${this.index}`;
      form.innerHTML = `<label class="sr-only" for="${id}">${T.commentLabel}</label>
        <input id="${id}" type="text" maxlength="2000" placeholder="${esc(T.commentLabel)}">
        <button type="submit">${T.commentSend}</button>`;
      form.addEventListener("submit", async (e) => {
        e.preventDefault();
        const comment = form.querySelector("input").value.trim();
        if (!comment) return;
        const ok = await this.sendFeedback(this.rating || "down", comment);
        status.textContent = ok ? T.commentThanks : T.feedbackFailed;
        if (ok) form.remove();
      });
      this.actions.appendChild(form);
      form.querySelector("input").focus();
    }

    async sendFeedback(rating, comment) {
      try {
        const res = await fetch(`${this.host.api}/api/feedback`, {
          method: "POST",
          headers: this.host.headers({ "Content-Type": "application/json" }),
          body: JSON.stringify({ message_id: this.messageId, rating, comment }),
        });
        return res.ok;
      } catch (_) {
        return false;
      }
    }
  }

  if (!customElements.get("plan-assistant")) customElements.define("plan-assistant", PlanAssistantElement);

  // Mount one instance for this script tag unless the page places <plan-assistant> itself.
  function mount() {
    if (scriptData.autoload === "false" || document.querySelector("plan-assistant")) return;
    const node = document.createElement("plan-assistant");
    node.setAttribute("mode", scriptData.mode === "page" ? "page" : "floating");
    node.setAttribute("api", scriptData.api || scriptOrigin);
    if (scriptData.title) node.setAttribute("heading", scriptData.title);
    if (scriptData.key) node.setAttribute("api-key", scriptData.key);
    if (scriptData.launcher) node.setAttribute("launcher", scriptData.launcher);
    if (scriptData.color) node.setAttribute("color", scriptData.color);
    document.body.appendChild(node);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
