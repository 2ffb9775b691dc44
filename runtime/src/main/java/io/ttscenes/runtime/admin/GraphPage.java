package io.ttscenes.runtime.admin;

/**
 * {@code /graph}: the scene graph rendered in the browser by mermaid, whose bundle is served by
 * the same server from the webjar in the jar ({@code /assets/mermaid.min.js}).
 */
final class GraphPage {
  static final String MERMAID_PATH = "/assets/mermaid.min.js";

  private GraphPage() {}

  static String html(String botName, String mermaid) {
    return Assets.text("page-head.html").replace("{{title}}", Html.escape(botName) + ": scene graph")
        + "<h1>Scene graph of " + Html.escape(botName) + "</h1>\n"
        + "<p>Solid arrows: transitions the code declares. Dotted: moves and deep-link starts seen "
        + "since this instance started. <a href=\"/graph.mmd\">Mermaid text</a> · "
        + "<a href=\"/funnels\">Funnels</a></p>\n"
        // Escaped: mermaid reads the element's text, in which the labels' <b> and <br/> come back.
        + "<pre class=\"mermaid\" id=\"graph\">\n" + Html.escape(mermaid) + "</pre>\n"
        + "<script src=\"" + MERMAID_PATH + "\"></script>\n"
        + "<script>mermaid.initialize({ startOnLoad: true, securityLevel: 'strict' });</script>\n"
        + "</body>\n</html>\n";
  }
}
