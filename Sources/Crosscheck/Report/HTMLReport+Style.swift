extension HTMLReport {
    /// The page's only style: system fonts, no external resources, a print layout.
    static let stylesheet = """
        :root {
          --ink: #1c232c; --muted: #5a6472; --line: #d8dde4; --paper: #fff; --wash: #f4f6f9; --accent: #1f5cb8;
          --conflict: #b3261e; --conflict-wash: #fcf1f0; --change: #9a5b00; --change-wash: #fdf6e8;
          --agree: #1d7444; --agree-wash: #edf7f1; --qualifier: #5b4fa8; --mark: #ffe28a; --mark-soft: #eef2f7;
        }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper);
          font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
        .page { max-width: 74rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        a { color: var(--accent); text-underline-offset: .15em; }
        code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: .85em; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .3rem; letter-spacing: -.01em; }
        h2 { font-size: 1.45rem; margin: 3rem 0 .3rem; padding-bottom: .35rem; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.08rem; margin: 0; }
        h4 { font-size: .95rem; margin: 1.2rem 0 .2rem; }
        h5 { font-size: .88rem; margin: 1rem 0 .2rem; color: var(--muted); font-weight: 600; }
        .count { font-size: .9rem; font-weight: 600; color: var(--muted); vertical-align: .15em; margin-left: .3rem;
          padding: .05rem .5rem; border: 1px solid var(--line); border-radius: 1rem; }
        .lead { color: var(--muted); margin: .3rem 0 1.2rem; max-width: 52rem; }
        .muted, .none { color: var(--muted); }
        mark { background: var(--mark); color: inherit; padding: 0 .15em; border-radius: .2em; font-weight: 600; }
        mark.quantity { background: var(--mark-soft); font-weight: inherit; }
        :target { outline: 3px solid var(--accent); outline-offset: 3px; }
        .summary { list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: .6rem; margin: 1.4rem 0 0; padding: 0; }
        .summary a { display: block; height: 100%; padding: .7rem .9rem; border: 1px solid var(--line); border-radius: .5rem; background: var(--wash);
          color: inherit; text-decoration: none; }
        .summary a:hover { border-color: var(--accent); }
        .summary .n { display: block; font-size: 1.7rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
        .summary .label { font-size: .85rem; color: var(--muted); }
        .summary .contradictions a { border-top: 4px solid var(--conflict); } .summary .contradictions .n { color: var(--conflict); }
        .summary .changes a { border-top: 4px solid var(--change); } .summary .changes .n { color: var(--change); }
        .summary .agreements a { border-top: 4px solid var(--agree); } .summary .agreements .n { color: var(--agree); }
        .summary .qualifiers a { border-top: 4px solid var(--qualifier); }
        .relation.contradiction, .relation.qualifier, .timeline, .agreement-group {
          border: 1px solid var(--line); border-left-width: 5px; border-radius: .5rem; padding: 1rem 1.2rem; margin: 1rem 0; }
        .relation.contradiction { border-left-color: var(--conflict); }
        .relation.qualifier { border-left-color: var(--qualifier); }
        .timeline { border-left-color: var(--change); }
        .agreement-group { border-left-color: var(--agree); }
        .relation-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .2rem 1rem; }
        .subject { color: var(--muted); font-weight: 500; }
        .confidence { font-size: .8rem; color: var(--muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
        .explanation { margin: .4rem 0 .8rem; max-width: 60rem; }
        .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
        .side { position: relative; margin: 0; padding: .8rem 1rem; background: var(--wash); border: 1px solid var(--line); border-radius: .4rem; }
        .side.better-supported { border-color: var(--agree); background: var(--agree-wash); }
        .badge { position: absolute; top: -.7rem; right: .8rem; margin: 0; padding: .05rem .55rem; border-radius: .7rem; background: var(--agree); color: #fff;
          font-size: .7rem; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; }
        blockquote { margin: 0 0 .7rem; font-family: Georgia, "Noto Serif", "DejaVu Serif", "Liberation Serif", serif; font-size: 1.02rem; line-height: 1.5; }
        .side blockquote::before { content: "“"; } .side blockquote::after { content: "”"; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0; font-size: .85rem; }
        .facts dt { color: var(--muted); } .facts dd { margin: 0; overflow-wrap: anywhere; }
        .points { list-style: none; margin: .8rem 0 .6rem .4rem; padding: 0 0 0 1.2rem; border-left: 2px solid var(--change); }
        .point { position: relative; margin: 0 0 .7rem; }
        .point::before { content: ""; position: absolute; left: -1.68rem; top: .42rem; width: .75rem; height: .75rem; border-radius: 50%;
          background: var(--paper); border: 2px solid var(--change); }
        .when { font-weight: 700; font-variant-numeric: tabular-nums; margin-right: .3rem; }
        .value { font-weight: 600; color: var(--change); }
        .by { font-size: .85rem; color: var(--muted); }
        .sentence { display: block; font-size: .88rem; color: var(--muted); max-width: 60rem; }
        .relation-list { margin: .4rem 0 0; padding-left: 1.2rem; font-size: .85rem; color: var(--muted); }
        .relation-list li { margin: .2rem 0; }
        .corroborated { color: var(--agree); }
        .metric { color: var(--muted); font-weight: 500; }
        .quotes { list-style: none; margin: .6rem 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: .6rem; }
        .quotes li { background: var(--agree-wash); border-radius: .4rem; padding: .6rem .8rem; }
        .quotes blockquote { margin: 0 0 .3rem; font-size: .95rem; }
        .quotes .by { margin: 0; }
        .source { border-top: 1px solid var(--line); padding: 1.4rem 0 .6rem; }
        .source .key { margin: 0; font-size: .8rem; color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        .byline { margin: .1rem 0 .6rem; color: var(--muted); }
        .metadata { display: grid; grid-template-columns: 7rem 1fr; gap: .15rem 1rem; margin: 0; font-size: .88rem; }
        .metadata dt { color: var(--muted); } .metadata dd { margin: 0; overflow-wrap: anywhere; }
        .evidence { color: var(--muted); font-size: .78rem; }
        .evidence::before { content: "· "; }
        meter { width: 6rem; height: .8rem; vertical-align: -.05rem; }
        .claims ol { margin: .2rem 0; padding-left: 1.6rem; }
        .claim { margin: .35rem 0; max-width: 62rem; }
        .claim .notes { display: block; font-size: .78rem; color: var(--muted); }
        .cite { font-size: .8rem; text-decoration: none; white-space: nowrap; }
        .original { overflow-wrap: anywhere; }
        .claim .original { font-size: .8rem; }
        .rel { font-size: .75rem; text-decoration: none; padding: 0 .35rem; border-radius: .6rem; border: 1px solid currentColor; white-space: nowrap; }
        .rel.contradiction { color: var(--conflict); } .rel.change_over_time { color: var(--change); }
        .rel.agreement { color: var(--agree); } .rel.different_qualifier { color: var(--qualifier); }
        .problem-list li { margin: .3rem 0; }
        .colophon { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--line); font-size: .8rem; color: var(--muted); }
        @media (max-width: 48rem) {
          .sides { grid-template-columns: 1fr; }
          .metadata { grid-template-columns: 1fr; } .metadata dt { margin-top: .3rem; }
        }
        @media print {
          @page { margin: 1.5cm 1.3cm; }
          body { font-size: 10pt; }
          .page { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          .summary a { background: none; }
          .claim .original, .rel { display: none; }
          mark, .side.better-supported, .summary a { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .relation.contradiction, .relation.qualifier, .side, .point, .claim, .quotes li { break-inside: avoid; }
          h2, h3, h4, h5 { break-after: avoid; }
          #sources { break-before: page; }
          :target { outline: none; }
        }

        """
}
