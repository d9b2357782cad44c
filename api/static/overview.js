/*
 * Overblik: the onboarding view beside the chat. Documents by committee and date, document
 * cards, programme pages, the glossary of the house's abbreviations and a timeline; every
 * line links to the exact passage it came from.
 *
 * A self-contained ES module (no build step, no external assets):
 *
 *   import { mountOverview } from "https://HOST/overview.js";
 *   const view = mountOverview(element, {
 *     api: "https://HOST",                 // default: where this module came from
 *     headers: () => ({ Authorization: "Bearer …" }),
 *     openSource: (citation, trigger) => …, // default: a source panel inside the view
 *     ask: (question) => …,                 // default: none (the ask buttons are hidden)
 *   });
 *   view.show("glossary");                  // "documents" | "programmes" | "glossary" | "timeline"
 *
 * The element may live in a shadow root; the styles are injected next to the view.
 */

const MODULE_BASE = new URL(".", import.meta.url).href.replace(/\/+$/, "");

const T = {
  title: "Overblik",
  intro: "Få overblik over dokumenterne: hvem har besluttet hvad og hvornår, hvad det koster, hvad der mangler, og hvad forkortelserne betyder. Alt henviser til kilden.",
  start: "Kom i gang – spørg fx",
  moreStarters: "Vis flere forslag",
  fewerStarters: "Vis færre forslag",
  tabs: { documents: "Dokumenter", programmes: "Programmer", glossary: "Ordliste", timeline: "Tidslinje" },
  loading: "Henter …",
  shown: "Vist",
  cardOpened: "Dokumentkort åbnet",
  failed: "Kunne ikke hentes. Prøv igen.",
  retry: "Prøv igen",
  back: "Tilbage",
  source: "Kilde",
  showSource: "Vis kilde",
  ask: "Spørg",
  noCommittee: "Uden udvalg",
  documents: "dokumenter",
  document: "dokument",
  open: "Åben",
  closed: "Lukket",
  summary: "Kort fortalt",
  items: "Punkter på dagsordenen",
  doneFollowups: "opfølgninger er meldt gennemført.",
  documentsNote: "Dokumenterne efter udvalg eller organ, nyeste først. Åbn et dokument for at se dets punkter, beløb og åbne opfølgninger – hver linje viser sin kilde.",
  sections: "Afsnit",
  budgets: "Budgetter",
  followups: "Opfølgninger",
  openFollowups: "Åbne opfølgninger",
  decisions: "Beslutninger",
  amount: "Beløb",
  initiative: "Initiativ",
  period: "Periode",
  action: "Opfølgning",
  deadline: "Frist",
  status: "Status",
  decision: "Beslutning",
  date: "Dato",
  committee: "Udvalg",
  caseNo: "Sag",
  type: "Type",
  file: "Fil",
  why: "Samlet fordi",
  programmeDocs: "Dokumenter i tidsorden",
  noProgrammes: "Der er ikke fundet programmer eller initiativer endnu.",
  glossaryDefined: "Forkortelser og begreber",
  glossaryUndefined: "Brugt, men ikke defineret",
  glossaryUndefinedNote: "Disse forkortelser bruges i dokumenterne, men forklares ingen steder. De er ikke gættet.",
  term: "Forkortelse/begreb",
  meaning: "Betydning",
  usedIn: "Bruges i",
  occurrences: "forekomster",
  allCommittees: "Alle udvalg",
  allKinds: "Alle hændelser",
  filterKind: "Hændelser",
  events: "hændelser",
  timelineNote: "Møder, beslutninger, frister og det, der er meldt gennemført, i tidsorden. Hver linje viser den sætning, datoen står i.",
  programmesSeveral: "Forløb på tværs af dokumenter",
  programmesSeveralNote: "Dokumenter, der hører sammen (samme sag, samme initiativ eller de samme navne), i tidsorden med beløb og åbne opfølgninger.",
  programmesSingle: "Initiativer i ét dokument",
  programmesSingleNote: "Initiativer, der indtil videre kun optræder i ét dokument.",
  allProgrammes: "Alle programmer",
  filterCommittee: "Udvalg",
  filterProgramme: "Program",
  noEvents: "Ingen hændelser med de valgte filtre.",
  empty: "Ingen dokumenter endnu.",
  none: "Ingen.",
  overdue: "overskredet",
  statusOpen: "åben",
  done: "gennemført",
  sourcePanel: "Kilde",
  closeSource: "Luk",
  quoteMissing: "Uddraget kunne ikke findes i dokumentteksten.",
  openFile: "Åbn originalfilen",
  page: "s.",
};

// Sections that are furniture, not content: never listed as a document's points.
const SKIP_SECTIONS = /^(?:indhold(?:sfortegnelse)?|bilag(?:sliste|soversigt)?|vedhæftede filer|tilbage til .*|underskriftsark)$/i;

function trimText(text, max) {
  const t = String(text || "").replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1).replace(/\s+\S*$/, "")} …` : t;
}

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

const STYLE = `
.ov-root{--ov-primary:var(--pa-primary,#1d4e6e);--ov-primary-dark:var(--pa-primary-dark,#123650);--ov-soft:var(--pa-primary-soft,#e8f0f6);--ov-border:var(--pa-border,#d9dee4);--ov-muted:var(--pa-muted,#5b6773);--ov-mark:var(--pa-mark,#fff1b8);--ov-focus:var(--pa-focus,#f59e0b);--ov-surface:var(--pa-surface,#fff);--ov-bg:var(--pa-bg,#f6f7f9);--ov-radius:var(--pa-radius,10px);
  font-family:var(--pa-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);font-size:16px;line-height:1.5;color:var(--pa-text,#1f2933);
  display:flex;flex-direction:column;flex:1;height:100%;min-height:0;min-width:0;background:var(--ov-bg);container-type:inline-size;container-name:ov}
.ov-root *,.ov-root *::before,.ov-root *::after{box-sizing:border-box}
:where(.ov-root) :where(button,select,a){font:inherit;color:inherit}
:where(.ov-root) button{cursor:pointer}
.ov-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.ov-root :focus-visible{outline:3px solid var(--ov-focus);outline-offset:2px}
.ov-inner{width:100%;max-width:960px;margin:0 auto}
.ov-head{padding:20px 16px 4px}
.ov-head h2{margin:0 0 4px;font-size:1.35rem;font-weight:650;color:var(--ov-primary-dark)}
.ov-head p{margin:0 0 12px;color:var(--ov-muted);max-width:70ch}
.ov-starters-label{margin:0 0 8px !important;font-size:.8rem !important;font-weight:600;letter-spacing:.03em;text-transform:uppercase}
.ov-starters{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 12px;padding:0;list-style:none}
.ov-more{display:none;font-size:.9rem;margin:-4px 0 12px}
.ov-starters .ov-btn{border-radius:999px;padding:7px 14px;font-size:.92rem;text-align:left}
.ov-scroll{flex:1;min-width:0;overflow-y:auto;overflow-x:hidden}
.ov-tabbar{position:sticky;top:0;z-index:1;border-bottom:1px solid var(--ov-border);background:var(--ov-bg)}
.ov-tabs{display:flex;gap:4px;padding:0 16px;overflow-x:auto;scrollbar-width:none}
.ov-tab{border:0;background:none;margin:0;padding:10px 14px 8px;font-size:.95rem;font-weight:600;color:var(--ov-muted);border-bottom:3px solid transparent;border-radius:8px 8px 0 0;white-space:nowrap}
.ov-tab:hover{color:var(--ov-primary);background:var(--ov-soft)}
.ov-tab[aria-selected="true"]{color:var(--ov-primary);border-bottom-color:var(--ov-primary)}
.ov-body{flex:1;min-height:0;display:flex;overflow:hidden;position:relative}
.ov-panel{padding:16px 16px 32px}
.ov-panel:focus-visible{outline-offset:-3px}
.ov-panel h3{font-size:1.05rem;font-weight:650;margin:24px 0 8px;color:var(--ov-primary-dark);display:flex;flex-wrap:wrap;align-items:baseline;gap:8px}
.ov-panel > .ov-inner > h3:first-child,.ov-panel > .ov-inner > .ov-group:first-child h3{margin-top:4px}
.ov-panel h4{font-size:.8rem;font-weight:650;margin:16px 0 6px;color:var(--ov-muted);text-transform:uppercase;letter-spacing:.03em}
.ov-count{font-size:.85rem;font-weight:400;color:var(--ov-muted)}
.ov-list{list-style:none;margin:0;padding:0}
.ov-item{background:var(--ov-surface);border:1px solid var(--ov-border);border-radius:var(--ov-radius);padding:12px 16px;margin:0 0 8px;overflow-wrap:anywhere}
.ov-item.ov-open{border-color:#b9cfe0;box-shadow:0 2px 10px rgba(15,35,55,.08)}
.ov-doc-head{display:flex;align-items:flex-start;gap:10px;width:100%;border:0;background:none;padding:0;text-align:left;color:inherit}
.ov-doc-head:hover .ov-doc-title{text-decoration:underline}
.ov-doc-title{display:block;font-weight:600;color:var(--ov-primary);text-underline-offset:2px}
.ov-caret{flex:none;width:1.2em;margin-top:.1em;color:var(--ov-muted);transition:transform .15s}
.ov-doc-head[aria-expanded="true"] .ov-caret{transform:rotate(90deg)}
.ov-meta{display:block;color:var(--ov-muted);font-size:.85rem;margin-top:2px}
.ov-card{margin:12px 0 2px;padding-top:12px;border-top:1px solid var(--ov-border)}
.ov-card[hidden]{display:none}
.ov-card > h4:first-child{margin-top:0}
.ov-link{border:0;background:none;padding:0;color:var(--ov-primary);text-decoration:underline;text-underline-offset:2px;text-align:left}
.ov-btn{border:1px solid var(--ov-border);background:var(--ov-surface);border-radius:8px;padding:5px 12px;font-size:.9rem;color:var(--ov-primary)}
.ov-btn:hover{border-color:var(--ov-primary);background:var(--ov-soft)}
.ov-src{display:inline-flex;align-items:center;border:1px solid #b9cfe0;background:var(--ov-soft);border-radius:6px;padding:0 6px;margin-left:4px;font-size:.78rem;font-weight:600;color:var(--ov-primary);vertical-align:.08em;line-height:1.6;max-width:100%;overflow-wrap:anywhere;text-align:left}
.ov-src:hover{background:var(--ov-primary);color:#fff}
.ov-badge{display:inline-block;font-size:.75rem;font-weight:600;padding:1px 8px;border-radius:999px;background:var(--ov-soft);color:var(--ov-primary);margin-right:6px;white-space:nowrap;vertical-align:.08em}
.ov-badge.ov-overdue{background:#fde8e8;color:#9b1c1c}
.ov-badge.ov-done{background:#e6f4ea;color:#1e6b34}
.ov-badge.ov-closed{background:#fff7ed;color:#8a4b0f}
.ov-table-wrap{border:1px solid var(--ov-border);border-radius:8px;overflow:hidden;background:var(--ov-surface)}
.ov-table{border-collapse:collapse;width:100%;font-size:.88rem}
.ov-table th,.ov-table td{padding:6px 10px;text-align:left;vertical-align:top;border-bottom:1px solid var(--ov-border);overflow-wrap:anywhere}
.ov-table tr:last-child td{border-bottom:0}
.ov-table thead th{background:var(--ov-soft);color:var(--ov-primary-dark);font-weight:650}
.ov-table tbody tr:nth-child(even) td{background:#fafbfc}
.ov-num{text-align:right !important;white-space:nowrap}
.ov-points{list-style:none;margin:0;padding:0}
.ov-points li{padding:6px 0;border-bottom:1px solid var(--ov-border)}
.ov-points li:last-child{border-bottom:0}
.ov-points .ov-meta{margin-top:0}
.ov-filters{display:flex;flex-wrap:wrap;gap:12px;align-items:end;margin:0 0 12px}
.ov-filters label{display:flex;flex-direction:column;gap:2px;font-size:.85rem;font-weight:600;color:var(--ov-muted);min-width:0;max-width:100%}
.ov-filters select{font-size:.92rem;padding:6px 8px;border:1px solid var(--ov-border);border-radius:8px;background:var(--ov-surface);color:var(--pa-text,#1f2933);max-width:100%;width:22rem;font-weight:400}
.ov-year{margin:20px 0 4px !important;font-size:1rem}
.ov-event{display:grid;grid-template-columns:8.5rem minmax(0,1fr);gap:4px 12px;padding:8px 0;border-bottom:1px solid var(--ov-border);overflow-wrap:anywhere}
.ov-event .ov-meta{margin:0}
.ov-summary p{margin:0 0 6px}
.ov-dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;font-size:.88rem;margin:0 0 8px}
.ov-dl dt{color:var(--ov-muted)}
.ov-dl dd{margin:0;overflow-wrap:anywhere}
.ov-status{color:var(--ov-muted);font-size:.9rem;margin:4px 0}
.ov-note{color:var(--ov-muted);font-size:.9rem;margin:0 0 12px;max-width:70ch}
.ov-source{flex:none;width:min(440px,45%);border-left:1px solid var(--ov-border);background:var(--ov-surface);overflow:auto;padding:14px 16px}
.ov-source[hidden]{display:none}
.ov-source-head{display:flex;justify-content:space-between;align-items:flex-start;gap:8px}
.ov-source-head h3{margin:0;font-size:1rem}
.ov-excerpt{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.92rem;line-height:1.6;margin-top:8px}
.ov-excerpt mark{background:var(--ov-mark);border-bottom:2px solid #e0b100}
@media (prefers-reduced-motion:reduce){.ov-caret{transition:none}}
@container ov (max-width:600px){
  .ov-head{padding:14px 12px 2px}.ov-tabs{padding:0 8px}.ov-panel{padding:12px 10px 24px}
  .ov-item{padding:10px 12px}
  .ov-starters:not(.ov-all) li:nth-child(n+4){display:none}
  .ov-more{display:inline}
  .ov-few ~ .ov-more{display:none}
  .ov-event{grid-template-columns:minmax(0,1fr)}
  .ov-source{position:absolute;inset:0;width:auto;border-left:0;z-index:2}
  .ov-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
  .ov-table,.ov-table tbody,.ov-table tr,.ov-table td{display:block;width:100%}
  .ov-table tr{padding:6px 0;border-bottom:1px solid var(--ov-border)}
  .ov-table tr:last-child{border-bottom:0}
  .ov-table td{border:0;padding:2px 10px;display:grid;grid-template-columns:7rem minmax(0,1fr);gap:8px}
  .ov-table td::before{content:attr(data-label);color:var(--ov-muted);font-weight:600}
  .ov-table td[data-label=""]{grid-template-columns:minmax(0,1fr)}.ov-table td[data-label=""]::before{display:none}
  .ov-num{text-align:left !important}
}
`;

function esc(value) {
  return String(value == null ? "" : value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function formatDate(iso, text) {
  if (text) return text;
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

class OverviewView {
  constructor(container, options) {
    this.container = container;
    this.options = options || {};
    this.api = (this.options.api || MODULE_BASE).replace(/\/+$/, "");
    this.cache = new Map();
    this.citations = [];
    this.view = "documents";
    this.history = [];
    this.filters = { committee: "", programme: "", kind: "" };
    this.build();
  }

  headers() {
    const extra = typeof this.options.headers === "function" ? this.options.headers() : this.options.headers;
    return Object.assign({ Accept: "application/json" }, extra || {});
  }

  async get(path) {
    if (!this.cache.has(path)) {
      const promise = fetch(`${this.api}${path}`, { headers: this.headers() }).then(async (res) => {
        if (!res.ok) {
          let detail = T.failed;
          try {
            detail = (await res.json()).detail || detail;
          } catch (_) {
            /* keep the default */
          }
          throw new Error(detail);
        }
        return res.json();
      });
      this.cache.set(path, promise);
      promise.catch(() => this.cache.delete(path));
    }
    return this.cache.get(path);
  }

  build() {
    const root = document.createElement("div");
    root.className = "ov-root";
    root.innerHTML = `
      <style>${STYLE}</style>
      <div class="ov-body">
      <div class="ov-scroll">
      <div class="ov-head"><div class="ov-inner">
        <h2 tabindex="-1">${T.title}</h2>
        <p>${esc(T.intro)}</p>
        <div class="ov-start" hidden>
          <p class="ov-starters-label" id="ov-starters-label">${T.start}</p>
          <ul class="ov-starters" id="ov-starters" aria-labelledby="ov-starters-label"></ul>
          <button type="button" class="ov-link ov-more" aria-expanded="false" aria-controls="ov-starters">${T.moreStarters}</button>
        </div>
      </div></div>
      <div class="ov-tabbar"><div class="ov-inner ov-tabs" role="tablist" aria-label="${T.title}">
        ${Object.entries(T.tabs)
          .map(([id, label]) => `<button type="button" role="tab" class="ov-tab" id="ov-tab-${id}" data-view="${id}" aria-selected="false" aria-controls="ov-panel" tabindex="-1">${label}</button>`)
          .join("")}
      </div></div>
        <div class="ov-panel" id="ov-panel" role="tabpanel" tabindex="0"></div>
        <p class="ov-sr" role="status" aria-live="polite"></p>
      </div>
        <aside class="ov-source" hidden aria-label="${T.sourcePanel}" tabindex="-1">
          <div class="ov-source-head"><h3 tabindex="-1"></h3><button type="button" class="ov-btn ov-source-close">${T.closeSource}</button></div>
          <dl class="ov-dl"></dl>
          <div class="ov-excerpt"></div>
          <p class="ov-source-foot"></p>
        </aside>
      </div>`;
    this.container.appendChild(root);
    this.root = root;
    this.panel = root.querySelector(".ov-panel");
    this.source = root.querySelector(".ov-source");
    root.addEventListener("click", (e) => this.onClick(e));
    root.addEventListener("change", (e) => this.onChange(e));
    root.querySelector(".ov-tabs").addEventListener("keydown", (e) => this.onTabKey(e));
    root.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.source.hidden) {
        e.stopPropagation();
        this.closeSource();
      }
    });
    this.loadStarters();
    this.show("documents");
  }

  async loadStarters() {
    if (typeof this.options.ask !== "function") return;
    try {
      const body = await this.get("/api/overview/suggestions");
      const items = body.suggestions || [];
      if (!items.length) return;
      this.root.querySelector(".ov-starters").innerHTML = items
        .map((q) => `<li><button type="button" class="ov-btn" data-ask="${esc(q)}">${esc(q)}</button></li>`)
        .join("");
      this.root.querySelector(".ov-starters").classList.toggle("ov-few", items.length <= 3);
      this.root.querySelector(".ov-start").hidden = false;
    } catch (_) {
      /* starters are optional */
    }
  }

  // ------------------------------------------------------------------ navigation

  selectTab(view) {
    for (const tab of this.root.querySelectorAll(".ov-tab")) {
      const on = tab.dataset.view === view;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    this.panel.setAttribute("aria-labelledby", `ov-tab-${view}`);
  }

  show(view, arg) {
    const views = {
      documents: () => this.renderDocuments(),
      programmes: () => this.renderProgrammes(),
      glossary: () => this.renderGlossary(),
      timeline: () => this.renderTimeline(),
      card: () => this.renderCard(arg),
      programme: () => this.renderProgramme(arg),
    };
    if (!views[view]) return;
    const tab = { card: "documents", programme: "programmes" }[view] || view;
    this.view = view;
    this.selectTab(tab);
    this.citations = [];
    this.panel.innerHTML = `<p class="ov-status">${T.loading}</p>`;
    const scroller = this.root.querySelector(".ov-scroll");
    const tabsTop = this.root.querySelector(".ov-tabbar").offsetTop;
    if (scroller.scrollTop > tabsTop) scroller.scrollTop = tabsTop;
    const token = (this.token = (this.token || 0) + 1);
    views[view]()
      .then((html) => {
        if (token !== this.token) return;
        this.panel.innerHTML = `<div class="ov-inner">${html}</div>`;
        const heading = view === tab ? null : this.panel.querySelector("h3");
        this.announce(`${T.shown}: ${heading ? heading.textContent.trim() : this.tabLabel(tab)}`);
      })
      .catch((err) => {
        if (token !== this.token) return;
        this.panel.innerHTML = `<p class="ov-status" role="alert">${esc(err.message || T.failed)}</p><button type="button" class="ov-btn" data-retry="${esc(view)}" data-arg="${esc(arg || "")}">${T.retry}</button>`;
      });
  }

  announce(text) {
    const region = this.root.querySelector(".ov-sr");
    region.textContent = "";
    setTimeout(() => (region.textContent = text), 50);
  }

  tabLabel(tab) {
    return T.tabs[tab] || T.title;
  }

  open(view, arg) {
    this.history.push([this.view, this.currentArg]);
    this.currentArg = arg;
    this.show(view, arg);
    const heading = () => this.panel.querySelector("h3");
    setTimeout(() => heading() && (heading().tabIndex = -1, heading().focus()), 0);
  }

  back() {
    const [view, arg] = this.history.pop() || ["documents"];
    this.currentArg = arg;
    this.show(view, arg);
  }

  onTabKey(e) {
    const tabs = Array.from(this.root.querySelectorAll(".ov-tab"));
    const i = tabs.indexOf(e.target);
    if (i < 0) return;
    let next = null;
    if (e.key === "ArrowRight") next = tabs[(i + 1) % tabs.length];
    else if (e.key === "ArrowLeft") next = tabs[(i - 1 + tabs.length) % tabs.length];
    else if (e.key === "Home") next = tabs[0];
    else if (e.key === "End") next = tabs[tabs.length - 1];
    if (!next) return;
    e.preventDefault();
    next.focus();
    this.history = [];
    this.show(next.dataset.view);
  }

  onClick(e) {
    const el = e.target.closest("button");
    if (!el || !this.root.contains(el)) return;
    const d = el.dataset;
    if (d.view) {
      this.history = [];
      this.show(d.view);
    } else if (d.cite !== undefined) {
      const c = this.citations[Number(d.cite)];
      if (c) this.openSource(c, el);
    } else if (d.doc) {
      this.toggleCard(el);
    } else if (d.programme) {
      this.open("programme", d.programme);
    } else if (d.ask) {
      if (typeof this.options.ask === "function") this.options.ask(d.ask);
    } else if (d.back !== undefined) {
      this.back();
    } else if (d.retry) {
      this.show(d.retry, d.arg || undefined);
    } else if (el.classList.contains("ov-more")) {
      const all = this.root.querySelector(".ov-starters").classList.toggle("ov-all");
      el.setAttribute("aria-expanded", String(all));
      el.textContent = all ? T.fewerStarters : T.moreStarters;
    } else if (el.classList.contains("ov-source-close")) {
      this.closeSource();
    }
  }

  onChange(e) {
    const el = e.target;
    if (el.name === "committee" || el.name === "programme" || el.name === "kind") {
      this.filters[el.name] = el.value;
      this.show("timeline");
    }
  }

  // ------------------------------------------------------------------ pieces

  cite(citation, label) {
    if (!citation) return "";
    const i = this.citations.push(citation) - 1;
    const page = citation.page ? ` ${T.page} ${citation.page}` : "";
    return `<button type="button" class="ov-src" data-cite="${i}" aria-label="${esc(`${T.showSource}: ${citation.source}${page}`)}">${esc(label || T.source)}</button>`;
  }

  askButton(question) {
    if (typeof this.options.ask !== "function") return "";
    return `<button type="button" class="ov-btn" data-ask="${esc(question)}">${T.ask}: ${esc(question)}</button>`;
  }

  /** A document's header: a disclosure button that opens its card in place. */
  docLine(doc, withCommittee) {
    const meta = [doc.doc_type_label, formatDate(doc.date, doc.date_text), withCommittee ? doc.committee : "", doc.source]
      .filter(Boolean)
      .join(" · ");
    const id = `ov-card-${(this.cardSeq = (this.cardSeq || 0) + 1)}`;
    return `<button type="button" class="ov-doc-head" data-doc="${esc(doc.id)}" aria-expanded="false" aria-controls="${id}">
        <span class="ov-caret" aria-hidden="true">▸</span>
        <span><span class="ov-doc-title">${esc(doc.title)}</span><span class="ov-meta">${esc(meta)}</span></span>
      </button>
      <div class="ov-card" id="${id}" hidden></div>`;
  }

  async toggleCard(button) {
    const card = this.root.querySelector(`#${button.getAttribute("aria-controls")}`);
    const item = button.closest(".ov-item");
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    if (item) item.classList.toggle("ov-open", open);
    card.hidden = !open;
    if (!open || card.dataset.loaded) return;
    card.innerHTML = `<p class="ov-status" role="status">${T.loading}</p>`;
    try {
      card.innerHTML = await this.cardBody(button.dataset.doc);
      card.dataset.loaded = "1";
      this.announce(`${T.cardOpened}: ${button.querySelector(".ov-doc-title").textContent}`);
    } catch (err) {
      card.innerHTML = `<p class="ov-status" role="alert">${esc(err.message || T.failed)}</p>`;
    }
  }

  table(columns, rows) {
    if (!rows.length) return `<p class="ov-status">${T.none}</p>`;
    const head = columns.map((c) => `<th scope="col"${c.num ? ' class="ov-num"' : ""}>${esc(c.label)}</th>`).join("");
    const body = rows
      .map((r) => `<tr>${columns.map((c) => `<td data-label="${esc(c.label)}"${c.num ? ' class="ov-num"' : ""}>${c.html ? c.value(r) : esc(c.value(r))}</td>`).join("")}</tr>`)
      .join("");
    return `<div class="ov-table-wrap"><table class="ov-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
  }

  /** A source button's label: the page within a document card, else file and page. */
  sourceLabel(c, inCard) {
    return inCard ? `${T.page} ${c.page}` : `${c.source} ${T.page} ${c.page}`;
  }

  budgetTable(rows, inCard) {
    return this.table(
      [
        { label: T.amount, value: (r) => r.amount_text, num: true },
        { label: T.initiative, value: (r) => r.initiative || r.purpose || "" },
        { label: T.period, value: (r) => r.period || (r.year ? String(r.year) : "") },
        { label: T.source, value: (r) => this.cite(r.citation, this.sourceLabel(r.citation, inCard)), html: true },
      ],
      rows,
    );
  }

  followupTable(rows, inCard) {
    return this.table(
      [
        { label: T.action, value: (r) => r.action },
        { label: T.deadline, value: (r) => r.deadline_text || formatDate(r.due_date) },
        { label: T.status, value: (r) => this.statusBadge(r), html: true },
        { label: T.source, value: (r) => this.cite(r.citation, this.sourceLabel(r.citation, inCard)), html: true },
      ],
      rows,
    );
  }

  statusBadge(r) {
    if (r.status === "done") return `<span class="ov-badge ov-done">${T.done}</span>`;
    if (r.overdue || r.status === "overdue") return `<span class="ov-badge ov-overdue">${T.overdue}</span>`;
    return `<span class="ov-badge">${r.open === false ? T.done : T.statusOpen}</span>`;
  }

  decisionList(rows) {
    if (!rows.length) return `<p class="ov-status">${T.none}</p>`;
    return `<ul class="ov-list">${rows
      .map((r) => {
        const what = r.outcome || r.decision || r.item_title || "";
        const when = formatDate(r.decision_date);
        return `<li class="ov-item"><strong>${esc(r.committee || "")}</strong> ${esc(when)}: ${esc(what)} ${this.cite(r.citation)}</li>`;
      })
      .join("")}</ul>`;
  }

  // ------------------------------------------------------------------ views

  async renderDocuments() {
    const data = await this.get("/api/overview");
    if (!data.committees.length) return `<p class="ov-status">${T.empty}</p>`;
    return `<p class="ov-note">${T.documentsNote}</p>` + data.committees
      .map((group) => {
        const n = group.documents.length;
        return `<section class="ov-group" aria-label="${esc(group.committee)}"><h3>${esc(group.committee)} <span class="ov-count">${n} ${n === 1 ? T.document : T.documents}</span></h3>
          <ul class="ov-list">${group.documents.map((doc) => `<li class="ov-item">${this.docLine(doc, false)}</li>`).join("")}</ul></section>`;
      })
      .join("");
  }

  /** What a document card shows: facts about it, what it says, its items, money and promises. */
  async cardBody(docId) {
    const c = await this.get(`/api/documents/${encodeURIComponent(docId)}/card`);
    const rows = [
      [T.type, c.doc_type_label],
      [T.date, formatDate(c.date, c.date_text)],
      [T.committee, c.committee],
      [T.caseNo, (c.case_numbers || []).map((n) => n.replace(/^sags?\s*nr\.?\s*:?\s*/i, "")).join(", ")],
      [T.status, c.closed ? T.closed : T.open],
      [T.file, c.source],
    ].filter(([, v]) => v);
    const summary = c.summary.map((s) => `<p>${esc(s.text)} ${this.cite(s.citation)}</p>`).join("");
    const agenda = c.sections.filter((s) => s.kind === "agenda_item");
    const points = agenda.length ? agenda : c.sections.filter((s) => s.level <= 2 && !SKIP_SECTIONS.test(s.title));
    const decided = new Map();
    for (const d of c.decisions) {
      const key = (d.item_title || "").trim();
      if (!decided.has(key)) decided.set(key, []);
      decided.get(key).push(d);
    }
    const pointList = points
      .slice(0, 40)
      .map((s) => {
        const number = s.number && !s.title.startsWith(s.number) ? `${s.number}. ` : "";
        const decisions = (decided.get(s.title.trim()) || []).map((d) => {
          decided.delete(s.title.trim());
          const what = d.outcome || d.decision || "";
          return what ? `<span class="ov-meta"><span class="ov-badge">${T.decision}</span>${esc(trimText(what, 220))} ${this.cite(d.citation)}</span>` : "";
        });
        return `<li><button type="button" class="ov-link" data-cite="${this.citations.push(s.citation) - 1}" aria-label="${esc(`${s.title}, ${T.showSource} ${T.page} ${s.page}`)}">${esc(number + s.title)}</button> <span class="ov-meta" style="display:inline">${T.page} ${s.page}</span>${decisions.join("")}</li>`;
      })
      .join("");
    const rest = [...decided.values()].flat();
    const open = c.followups.filter((f) => f.open !== false);
    const doneCount = c.followups.length - open.length;
    return `<dl class="ov-dl">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${k === T.status && c.closed ? `<span class="ov-badge ov-closed">${esc(v)}</span>` : esc(v)}</dd>`).join("")}</dl>
      <h4>${T.summary}</h4><div class="ov-summary">${summary || `<p class="ov-status">${T.none}</p>`}</div>
      <h4>${agenda.length ? T.items : T.sections}</h4><ul class="ov-points">${pointList || `<li class="ov-status">${T.none}</li>`}</ul>
      ${rest.length ? `<h4>${T.decisions}</h4>${this.decisionList(rest)}` : ""}
      <h4>${T.budgets}</h4>${this.budgetTable(c.budgets, true)}
      <h4>${T.openFollowups}</h4>${this.followupTable(open, true)}${doneCount ? `<p class="ov-status">${doneCount} ${T.doneFollowups}</p>` : ""}`;
  }

  async renderCard(docId) {
    const c = await this.get(`/api/documents/${encodeURIComponent(docId)}/card`);
    return `<button type="button" class="ov-btn" data-back>${T.back}</button>
      <h3>${esc(c.title)}</h3>${await this.cardBody(docId)}`;
  }

  async renderProgrammes() {
    const data = await this.get("/api/programmes");
    if (!data.programmes.length) return `<p class="ov-status">${T.noProgrammes}</p>`;
    const line = (p) => {
      const period = [formatDate(p.date_from), formatDate(p.date_to)].filter(Boolean);
      const span = period.length === 2 && period[0] !== period[1] ? `${period[0]} – ${period[1]}` : period[0] || "";
      const n = p.documents.length;
      const meta = [span, p.committees.join(", "), `${n} ${n === 1 ? T.document : T.documents}`].filter(Boolean).join(" · ");
      const members = n > 1 ? `<span class="ov-meta">${esc(p.documents.slice(0, 3).map((d) => d.title).join(" · "))}${n > 3 ? " …" : ""}</span>` : "";
      return `<li class="ov-item"><button type="button" class="ov-link ov-doc-title" data-programme="${esc(p.id)}">${esc(p.name)}</button><span class="ov-meta">${esc(meta)}</span>${members}</li>`;
    };
    // A programme spans documents; one that lives in a single document is listed apart.
    const several = data.programmes.filter((p) => p.documents.length > 1);
    const single = data.programmes.filter((p) => p.documents.length <= 1);
    const group = (title, note, items) =>
      items.length ? `<section class="ov-group"><h3>${title} <span class="ov-count">${items.length}</span></h3><p class="ov-note">${note}</p><ul class="ov-list">${items.map(line).join("")}</ul></section>` : "";
    return group(T.programmesSeveral, T.programmesSeveralNote, several) + group(T.programmesSingle, T.programmesSingleNote, single);
  }

  async renderProgramme(id) {
    const p = await this.get(`/api/programmes/${encodeURIComponent(id)}`);
    const docs = p.documents
      .map((d) => {
        const summary = (d.summary || []).map((s) => `${esc(s.text)} ${this.cite(s.citation)}`).join(" ");
        return `<li class="ov-item">${this.docLine(d, true)}${summary ? `<p class="ov-summary">${summary}</p>` : ""}</li>`;
      })
      .join("");
    const reasons = p.reasons && p.reasons.length ? `<p class="ov-meta">${T.why}: ${esc(p.reasons.join("; "))}</p>` : "";
    return `<button type="button" class="ov-btn" data-back>${T.back}</button>
      <h3>${esc(p.name)}</h3>${reasons}
      <p>${this.askButton(`Hvad er der sket med ${p.name}?`)}</p>
      <h4>${T.programmeDocs}</h4><ol class="ov-list">${docs}</ol>
      <h4>${T.budgets}</h4>${this.budgetTable(p.budgets)}
      <h4>${T.openFollowups}</h4>${this.followupTable(p.open_followups)}
      <h4>${T.decisions}</h4>${this.decisionList(p.decisions)}`;
  }

  async renderGlossary() {
    const g = await this.get("/api/glossary");
    const defined = this.table(
      [
        { label: T.term, value: (e) => `<strong>${esc(e.term)}</strong>`, html: true },
        {
          label: T.meaning,
          html: true,
          value: (e) =>
            e.expansions
              .map((x) => `${esc(x.expansion)} ${x.sources.map((s) => this.cite(s, `${s.source} ${T.page} ${s.page}`)).join(" ")}`)
              .join("<br>"),
        },
        { label: T.usedIn, value: (e) => e.used_in.map((u) => u.source).join(", ") },
        { label: "", html: true, value: (e) => this.askButton(`Hvad betyder ${e.term}?`) },
      ],
      g.entries,
    );
    const undefinedRows = g.undefined
      .map((u) => {
        const where = u.documents
          .map((d) => `${esc(d.source)} ${d.occurrences.slice(0, 3).map((o) => this.cite(o, `${T.page} ${o.page}`)).join(" ")}`)
          .join("; ");
        return `<li class="ov-item"><strong>${esc(u.term)}</strong> <span class="ov-meta">(${u.count} ${T.occurrences})</span><div>${where}</div></li>`;
      })
      .join("");
    return `<h3>${T.glossaryDefined}</h3>${defined}
      <h3>${T.glossaryUndefined}</h3><p class="ov-meta">${T.glossaryUndefinedNote}</p>
      <ul class="ov-list">${undefinedRows || `<li class="ov-status">${T.none}</li>`}</ul>`;
  }

  async renderTimeline() {
    const overview = await this.get("/api/overview");
    const params = new URLSearchParams();
    if (this.filters.committee) params.set("committee", this.filters.committee);
    if (this.filters.programme) params.set("programme", this.filters.programme);
    if (this.filters.kind) params.set("kind", this.filters.kind);
    const data = await this.get(`/api/timeline${params.toString() ? `?${params}` : ""}`);
    const committees = overview.committees.map((c) => c.committee).filter((c) => c !== T.noCommittee);
    const option = (value, label, current) => `<option value="${esc(value)}"${value === current ? " selected" : ""}>${esc(label)}</option>`;
    const kinds = Object.entries(data.kinds || {});
    const filters = `<p class="ov-note">${T.timelineNote}</p><div class="ov-filters">
      <label>${T.filterKind}<select name="kind">${option("", T.allKinds, this.filters.kind)}${kinds.map(([k, label]) => option(k, label, this.filters.kind)).join("")}</select></label>
      <label>${T.filterCommittee}<select name="committee">${option("", T.allCommittees, this.filters.committee)}${committees.map((c) => option(c, c, this.filters.committee)).join("")}</select></label>
      <label>${T.filterProgramme}<select name="programme">${option("", T.allProgrammes, this.filters.programme)}${overview.programmes.map((p) => option(p.id, p.name, this.filters.programme)).join("")}</select></label>
    </div><p class="ov-status">${data.events.length} ${T.events}</p>`;
    if (!data.events.length) return `${filters}<p class="ov-status">${T.noEvents}</p>`;
    let year = "";
    const items = data.events
      .map((e) => {
        const y = e.date.slice(0, 4);
        const head = y !== year ? `<h3 class="ov-year">${esc((year = y))}</h3>` : "";
        const status = e.status === "overdue" ? `<span class="ov-badge ov-overdue">${T.overdue}</span>` : e.status === "done" ? `<span class="ov-badge ov-done">${T.done}</span>` : "";
        return `${head}<div class="ov-event"><div class="ov-meta">${esc(formatDate(e.date))}</div>
          <div><span class="ov-badge">${esc(e.kind_label)}</span>${status}${esc(trimText(e.label, 240))} ${this.cite(e.citation, `${e.source} ${T.page} ${e.citation.page}`)}</div></div>`;
      })
      .join("");
    return filters + items;
  }

  // ------------------------------------------------------------------ sources

  openSource(citation, trigger) {
    if (typeof this.options.openSource === "function") {
      this.options.openSource(citation, trigger);
      return;
    }
    this.showOwnSource(citation, trigger);
  }

  async showOwnSource(c, trigger) {
    const panel = this.source;
    this.lastTrigger = trigger || null;
    panel.hidden = false;
    panel.querySelector("h3").textContent = c.title || c.source;
    panel.querySelector(".ov-dl").innerHTML = [
      [T.date, formatDate(c.date)],
      [T.committee, c.committee],
      ["Side", c.page],
      [T.file, c.source],
    ]
      .filter(([, v]) => v)
      .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
      .join("");
    const excerpt = panel.querySelector(".ov-excerpt");
    excerpt.textContent = T.loading;
    panel.querySelector("h3").focus();
    try {
      const doc = await this.get(`/api/documents/${encodeURIComponent(c.doc_id)}`);
      const text = doc.text || "";
      let start = Number(c.start);
      let end = Number(c.end);
      if (text.slice(start, end) !== c.quote) {
        start = text.indexOf(c.quote);
        end = start + (c.quote || "").length;
      }
      if (start < 0) {
        excerpt.innerHTML = `<p>${T.quoteMissing}</p><mark>${esc(c.quote)}</mark>`;
        return;
      }
      const from = Math.max(0, start - 500);
      const to = Math.min(text.length, end + 500);
      excerpt.innerHTML = `${from > 0 ? "… " : ""}${esc(text.slice(from, start))}<mark>${esc(text.slice(start, end))}</mark>${esc(text.slice(end, to))}${to < text.length ? " …" : ""}`;
      panel.querySelector(".ov-source-foot").innerHTML = `<a href="${esc(this.api)}/api/documents/${encodeURIComponent(c.doc_id)}/file" target="_blank" rel="noopener">${T.openFile}</a>`;
      const mark = excerpt.querySelector("mark");
      if (mark && mark.scrollIntoView) mark.scrollIntoView({ block: "center" });
    } catch (err) {
      excerpt.textContent = err.message || T.failed;
    }
  }

  closeSource() {
    this.source.hidden = true;
    if (this.lastTrigger && this.lastTrigger.isConnected) this.lastTrigger.focus();
    this.lastTrigger = null;
  }

  refresh() {
    this.cache.clear();
    this.show(this.view, this.currentArg);
  }

  destroy() {
    this.root.remove();
  }
}

/** Mount the Overblik view in `container`; returns { show(view), refresh(), destroy() }. */
export function mountOverview(container, options) {
  const view = new OverviewView(container, options);
  return {
    show: (name, arg) => view.show(name, arg),
    refresh: () => view.refresh(),
    destroy: () => view.destroy(),
    element: view.root,
  };
}

export default mountOverview;
