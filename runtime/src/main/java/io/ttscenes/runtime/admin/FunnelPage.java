package io.ttscenes.runtime.admin;

import java.util.List;
import java.util.Locale;

/**
 * {@code /funnels}: one horizontal bar chart per campaign, drawn as SVG on the server (no script
 * at all), each bar a place of the flow with its users and the drop-off from the bar before.
 */
final class FunnelPage {
  private static final int WIDTH = 560;
  private static final int LABEL = 220;
  private static final int ROW = 34;

  private FunnelPage() {}

  static String html(String botName, List<Funnels.Funnel> funnels) {
    StringBuilder page = new StringBuilder(Assets.text("page-head.html")
        .replace("{{title}}", Html.escape(botName) + ": funnels"));
    page.append("<h1>Funnels of ").append(Html.escape(botName)).append("</h1>\n")
        .append("<p>Users who started the bot through each campaign's deep link, and how many of them ")
        .append("reached each place of the flow. <a href=\"/graph\">Scene graph</a></p>\n");
    if (funnels.isEmpty()) {
      page.append("<p id=\"empty\">No deep-link starts yet.</p>\n");
    }
    funnels.forEach(funnel -> chart(page, funnel));
    return page.append("</body>\n</html>\n").toString();
  }

  private static void chart(StringBuilder page, Funnels.Funnel funnel) {
    String campaign = Html.escape(funnel.campaign());
    int rows = funnel.stages().size() + 1;
    page.append("<section class=\"funnel\" data-campaign=\"").append(campaign).append("\">\n<h2>")
        .append(campaign).append("</h2>\n<svg width=\"").append(LABEL + WIDTH + 160).append("\" height=\"")
        .append(rows * ROW).append("\" role=\"img\" aria-label=\"funnel of ").append(campaign).append("\">\n");
    long max = Math.max(1, funnel.started());
    bar(page, 0, "started", funnel.started(), max, "");
    long previous = funnel.started();
    for (int i = 0; i < funnel.stages().size(); i++) {
      Funnels.Stage stage = funnel.stages().get(i);
      bar(page, i + 1, stage.place(), stage.users(), max, dropOff(previous, stage.users()));
      previous = stage.users();
    }
    page.append("</svg>\n</section>\n");
  }

  private static void bar(StringBuilder page, int row, String place, long users, long max, String drop) {
    int y = row * ROW;
    long width = Math.max(2, Math.round((double) users * WIDTH / max));
    String name = Html.escape(place);
    page.append("<text x=\"0\" y=\"").append(y + 20).append("\">").append(name).append("</text>\n")
        .append("<rect class=\"bar\" data-place=\"").append(name).append("\" data-users=\"").append(users)
        .append("\" x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(width)
        .append("\" height=\"").append(ROW - 10).append("\"></rect>\n")
        .append("<text class=\"count\" x=\"").append(LABEL + width + 6).append("\" y=\"").append(y + 20).append("\">")
        .append(users).append(drop.isEmpty() ? "" : " (" + drop + ")").append("</text>\n");
  }

  /** "-2, -40%" from {@code before} to {@code now}; empty when nobody dropped. */
  private static String dropOff(long before, long now) {
    if (before <= 0 || now >= before) {
      return "";
    }
    long lost = before - now;
    return String.format(Locale.ROOT, "-%d, -%.0f%%", lost, 100.0 * lost / before);
  }
}
