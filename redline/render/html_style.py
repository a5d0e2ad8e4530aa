"""The stylesheet of the HTML redline: legal colours, not colour alone, a print layout.

Deletions are red and struck through, insertions blue and underlined, moves green with a
double rule; each change also carries visually hidden words for screen readers. The view
switch (inline / side by side) is two radio buttons and CSS: no script is needed.
"""

from __future__ import annotations

CSS = """\
:root {
  --del: #b3001b; --del-bg: #fdecee; --ins: #0b4fb3; --ins-bg: #e8f0fd;
  --move: #1a7f37; --move-bg: #eaf6ec; --fg: #1b1b1b; --muted: #575757; --rule: #d9d9d9;
}
* { box-sizing: border-box; }
html { color: var(--fg); background: #fff; }
body {
  font: 16px/1.55 Georgia, "Times New Roman", serif;
  margin: 0 auto;
  max-width: 76rem;
  padding: 1.5rem;
}
h1, h2, h3, table, .addr, .views, .legend, .facts, summary {
  font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif;
}
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--fg); padding-bottom: .25rem; }
table { border-collapse: collapse; font-size: .9rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #f3f3f3; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #9a9a9a; }
.facts { font-size: .9rem; margin: .25rem 0; }
.facts a { color: var(--fg); }
.legend { font-size: .9rem; }
del {
  color: var(--del);
  background: var(--del-bg);
  text-decoration: line-through;
  text-decoration-thickness: .1em;
}
ins {
  color: var(--ins);
  background: var(--ins-bg);
  text-decoration: underline;
  text-decoration-thickness: .08em;
}
.mv { color: var(--move); text-decoration: underline double; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.row {
  display: grid;
  grid-template-columns: 10rem 1fr;
  gap: 0 1rem;
  padding: .45rem 0;
  border-top: 1px solid var(--rule);
}
.addr { font-size: .8rem; line-height: 1.4; color: var(--muted); }
.addr a.self { font-weight: 700; color: var(--fg); text-decoration: none; font-size: .9rem; }
.addr a.self:hover, .addr a.self:focus { text-decoration: underline; }
.tag { display: inline-block; margin: .1rem .25rem 0 0; }
.t { white-space: pre-wrap; overflow-wrap: anywhere; }
.row.inserted .addr a.self { color: var(--ins); }
.row.deleted .addr a.self { color: var(--del); }
.row.moved {
  border-left: 4px double var(--move);
  padding-left: .5rem;
  background: linear-gradient(90deg, var(--move-bg), transparent 12rem);
}
.row.moved .addr a.self, .row.moved a.move, .row.moved .t { color: var(--move); }
.row.stub { color: var(--move); font-style: italic; }
.row.stub a { color: var(--move); }
.side { display: none; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side > div { min-width: 0; }
.side .old:empty::before, .side .new:empty::before { content: "\\2014"; color: #9a9a9a; }
details.same { border-top: 1px solid var(--rule); }
details.same > summary { cursor: pointer; color: var(--muted); font-size: .85rem; padding: .35rem 0; }
.views { margin: .5rem 0 1rem; font-size: .9rem; }
.views label {
  display: inline-block;
  border: 1px solid var(--muted);
  padding: .2rem .7rem;
  cursor: pointer;
  border-radius: .25rem;
}
input.view { position: absolute; opacity: 0; width: 1px; height: 1px; }
#view-inline:checked ~ .views label[for="view-inline"], #view-side:checked ~ .views label[for="view-side"] {
  background: var(--fg); color: #fff; }
#view-inline:focus-visible ~ .views label[for="view-inline"],
#view-side:focus-visible ~ .views label[for="view-side"] {
  outline: 3px solid var(--ins); outline-offset: 2px; }
#view-side:checked ~ main .inline { display: none; }
#view-side:checked ~ main .side { display: grid; }
.side-head { display: none; }
#view-side:checked ~ main .side-head {
  display: grid;
  grid-template-columns: 10rem 1fr;
  gap: 0 1rem;
  font: 700 .85rem system-ui, sans-serif;
  color: var(--muted);
}
:target { outline: 3px solid #f0b400; outline-offset: 2px; }
@media (max-width: 40rem) { .row { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .views, input.view { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .row { break-inside: avoid; }
  details.same > summary { display: none; }
  details.same::details-content { content-visibility: visible; display: contents; }
  h2 { break-after: avoid; }
}
"""
