package org.custodian.logic.oversight;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.logic.report.ReportWords;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.oversight.FlowEdge;
import org.custodian.model.oversight.FlowFilter;
import org.custodian.model.oversight.FlowMap;
import org.custodian.model.oversight.FlowNode;
import org.custodian.model.oversight.FlowPath;
import org.custodian.model.report.ReportLanguage;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;

/**
 * The data-flow map as a standalone SVG 1.1 file (UTF-8): a legend column on the left (levels, marks, what was
 * chosen), then the edges in their level's colour (dashed for personal data, a diamond halfway for a cross-boundary
 * flow, an arrowhead at the recipient) under the organisations' circles and names. Each edge is a group with the
 * agreement in its {@code <title>}, which viewers show on hover. Light colours, for paper and documents.
 */
final class FlowMapSvg {

    static final double LEGEND_WIDTH = 250;
    private static final String FONTS = "'Microsoft JhengHei', 'PingFang TC', 'Noto Sans CJK TC', "
            + "'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";
    private static final String FOREGROUND = "#1f2328";
    private static final String MUTED = "#59636e";
    private static final String NO_LEVEL = "#8c959f";
    static final String PERSONAL_DASH = "7 4";

    private final FlowMap map;
    private final ReportWords words;
    private final boolean chinese;
    private final StringBuilder svg = new StringBuilder(64 * 1024);

    FlowMapSvg(FlowMap map, ReportLanguage language) {
        this.map = map;
        // Names under circles have room for one language: the map takes Chinese names only when asked for Chinese.
        this.chinese = language == ReportLanguage.ZH;
        this.words = new ReportWords(chinese ? ReportLanguage.ZH : ReportLanguage.EN);
    }

    void writeTo(OutputStream out) throws IOException {
        StringBuilder legend = new StringBuilder();
        double legendHeight = legend(legend);
        double width = Math.ceil(LEGEND_WIDTH + map.width());
        double height = Math.ceil(Math.max(map.height(), legendHeight));
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" font-family=\"").append(attr(FONTS)).append("\" font-size=\"")
                .append(n(FlowLabel.FONT_SIZE)).append("\">\n");
        svg.append("<title>").append(text(words.t("flows.title"))).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append(legend);
        svg.append("<g id=\"map\" transform=\"translate(").append(n(LEGEND_WIDTH)).append(" 0)\">\n");
        svg.append("<g id=\"edges\" fill=\"none\">\n");
        int i = 0;
        for (FlowEdge e : map.edges()) {
            edge(e, ++i);
        }
        svg.append("</g>\n<g id=\"nodes\">\n");
        for (FlowNode node : map.nodes()) {
            node(node);
        }
        svg.append("</g>\n</g>\n</svg>\n");
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(svg.toString());
        w.flush();
    }

    private void edge(FlowEdge e, int number) {
        FlowPath p = e.path();
        String colour = colour(e.level());
        svg.append("<g class=\"edge\" id=\"edge-").append(number).append("\">");
        svg.append("<title>").append(text(tooltip(e))).append("</title>");
        svg.append("<path d=\"M").append(n(p.startX())).append(' ').append(n(p.startY())).append(" Q")
                .append(n(p.controlX())).append(' ').append(n(p.controlY())).append(' ').append(n(p.endX()))
                .append(' ').append(n(p.endY())).append("\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2\"");
        if (e.agreement().personalData()) {
            svg.append(" stroke-dasharray=\"").append(PERSONAL_DASH).append('"');
        }
        svg.append("/>");
        polygon(p.arrowAtEnd(), colour);
        if (e.mutual()) {
            polygon(p.arrowAtStart(), colour);
        }
        if (e.agreement().crossBoundary()) {
            diamond(p.midX(), p.midY(), colour);
        }
        svg.append("</g>\n");
    }

    private String tooltip(FlowEdge e) {
        String from = map.node(e.from()).map(x -> x.organisation().name(chinese)).orElse(e.from());
        String to = map.node(e.to()).map(x -> x.organisation().name(chinese)).orElse(e.to());
        return e.reference() + " — " + e.agreement().title() + "\n" + from + (e.mutual() ? " ⇄ " : " → ") + to + "\n"
                + words.t(e.agreement().type().labelKey()) + " · " + words.t(e.agreement().status().labelKey())
                + "\n" + words.t("flows.tip.level", levelName(e.level()))
                + (e.agreement().personalData() ? "\n" + words.t("flows.legend.personal") : "")
                + (e.agreement().crossBoundary() ? "\n" + words.t("flows.legend.crossBoundary") : "");
    }

    private void polygon(double[] points, String colour) {
        svg.append("<polygon points=\"");
        for (int i = 0; i < points.length; i += 2) {
            svg.append(i == 0 ? "" : " ").append(n(points[i])).append(' ').append(n(points[i + 1]));
        }
        svg.append("\" fill=\"").append(colour).append("\"/>");
    }

    private void diamond(double x, double y, String colour) {
        double r = 6;
        polygonWithStroke(new double[] {x, y - r, x + r, y, x, y + r, x - r, y}, colour, svg);
    }

    private static void polygonWithStroke(double[] points, String colour, StringBuilder to) {
        to.append("<polygon points=\"");
        for (int i = 0; i < points.length; i += 2) {
            to.append(i == 0 ? "" : " ").append(n(points[i])).append(' ').append(n(points[i + 1]));
        }
        to.append("\" fill=\"").append(colour).append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
    }

    private void node(FlowNode node) {
        svg.append("<g class=\"node\" id=\"node-").append(number(node)).append("\">");
        svg.append("<title>").append(text(node.code() + " — " + node.organisation().name(chinese))).append("</title>");
        svg.append("<circle cx=\"").append(n(node.x())).append("\" cy=\"").append(n(node.y())).append("\" r=\"")
                .append(n(node.radius())).append("\" fill=\"").append(node.department() ? "#ddf4ff" : "#f6f8fa")
                .append("\" stroke=\"").append(node.department() ? "#0969da" : "#59636e").append("\" stroke-width=\"")
                .append(node.department() ? "3" : "1.5").append("\"/>");
        List<String> lines = FlowLabel.lines(node.organisation().name(chinese));
        // The name twice: a white outline first, then the letters, so it stays readable where an edge passes under
        // it (SVG 1.1 has no paint-order).
        nameText(node, lines, " fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\"");
        nameText(node, lines, " fill=\"" + FOREGROUND + "\"");
        svg.append("</g>\n");
    }

    private void nameText(FlowNode node, List<String> lines, String paint) {
        double y = node.y() + node.radius() + FlowLayout.LABEL_GAP + FlowLabel.FONT_SIZE;
        svg.append("<text x=\"").append(n(node.x())).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"middle\"").append(paint)
                .append(node.department() ? " font-weight=\"bold\"" : "").append('>');
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<tspan x=\"").append(n(node.x())).append("\" dy=\"")
                    .append(i == 0 ? "0" : n(FlowLabel.LINE_HEIGHT)).append("\">").append(text(lines.get(i)))
                    .append("</tspan>");
        }
        svg.append("</text>");
    }

    private int number(FlowNode node) {
        return map.nodes().indexOf(node) + 1;
    }

    /** Writes the legend into {@code to}; returns its height. */
    private double legend(StringBuilder to) {
        double x = 16;
        double y = 30;
        double wrap = LEGEND_WIDTH - 2 * x;
        to.append("<g id=\"legend\">\n");
        to.append(textAt(x, y, words.t("flows.title"), "16", "bold", FOREGROUND));
        y += 20;
        to.append(textAt(x, y, words.t("flows.count", map.nodes().size(), map.agreementCount()), "12", null, MUTED));
        y += 18;
        for (String line : FlowLabel.wrap(filterWords(), wrap, 6)) {
            to.append(textAt(x, y, line, "11", null, MUTED));
            y += 14;
        }
        y += 14;
        to.append(textAt(x, y, words.t("flows.legend.level"), "12", "bold", FOREGROUND));
        y += 8;
        Set<ClassificationLevel> used = map.edges().stream().map(FlowEdge::level)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        boolean noLevel = map.edges().stream().anyMatch(e -> e.level() == null);
        for (ClassificationLevel level : map.levels()) {
            y += 18;
            to.append(segment(x, y, colour(level), null));
            to.append(textAt(x + 40, y + 4, levelName(level) + (used.contains(level) ? "" : " "
                    + words.t("flows.legend.unused")), "12", null, used.contains(level) ? FOREGROUND : MUTED));
        }
        if (noLevel) {
            y += 18;
            to.append(segment(x, y, NO_LEVEL, null));
            to.append(textAt(x + 40, y + 4, words.t("flows.level.none"), "12", null, FOREGROUND));
        }
        y += 30;
        to.append(textAt(x, y, words.t("flows.legend.marks"), "12", "bold", FOREGROUND));
        y += 26;
        to.append(segment(x, y, FOREGROUND, PERSONAL_DASH));
        to.append(textAt(x + 40, y + 4, words.t("flows.legend.personal"), "12", null, FOREGROUND));
        y += 22;
        to.append(segment(x, y, FOREGROUND, null));
        polygonWithStroke(new double[] {x + 14, y - 6, x + 20, y, x + 14, y + 6, x + 8, y}, FOREGROUND, to);
        to.append(textAt(x + 40, y + 4, words.t("flows.legend.crossBoundary"), "12", null, FOREGROUND));
        y += 22;
        to.append(segment(x, y, FOREGROUND, null));
        arrow(to, new FlowPath(x, y, x + 14, y, x + 28, y).arrowAtEnd());
        to.append(textAt(x + 40, y + 4, words.t("flows.legend.direction"), "12", null, FOREGROUND));
        y += 22;
        FlowPath both = new FlowPath(x, y, x + 14, y, x + 28, y);
        to.append(segment(x, y, FOREGROUND, null));
        arrow(to, both.arrowAtEnd());
        arrow(to, both.arrowAtStart());
        to.append(textAt(x + 40, y + 4, words.t("flows.legend.mutual"), "12", null, FOREGROUND));
        y += 26;
        to.append("<circle cx=\"").append(n(x + 14)).append("\" cy=\"").append(n(y)).append("\" r=\"10\"")
                .append(" fill=\"#ddf4ff\" stroke=\"#0969da\" stroke-width=\"3\"/>");
        List<String> department = FlowLabel.wrap(words.t("flows.legend.department"), wrap - 40, 3);
        for (int i = 0; i < department.size(); i++) {
            to.append(textAt(x + 40, y + 4 + i * 15, department.get(i), "12", null, FOREGROUND));
        }
        y += 15 * department.size() + 16;
        to.append("</g>\n");
        return y;
    }

    private static void arrow(StringBuilder to, double[] points) {
        to.append("<polygon points=\"");
        for (int i = 0; i < points.length; i += 2) {
            to.append(i == 0 ? "" : " ").append(n(points[i])).append(' ').append(n(points[i + 1]));
        }
        to.append("\" fill=\"").append(FOREGROUND).append("\"/>");
    }

    /** What the map shows, in words: the chosen types and statuses ("every type" when all are chosen). */
    private String filterWords() {
        FlowFilter f = map.filter();
        String types = f.types().size() == AgreementType.values().length ? words.t("flows.types.all")
                : f.types().stream().map(t -> words.t(t.labelKey())).collect(Collectors.joining(", "));
        String statuses = f.statuses().size() == AgreementStatus.values().length ? words.t("flows.statuses.all")
                : f.statuses().stream().map(s -> words.t(s.labelKey())).collect(Collectors.joining(", "));
        return types + " · " + statuses;
    }

    private String levelName(ClassificationLevel level) {
        return level == null ? words.t("flows.level.none") : level.name(chinese);
    }

    private static String segment(double x, double y, String colour, String dash) {
        return "<line x1=\"" + n(x) + "\" y1=\"" + n(y) + "\" x2=\"" + n(x + 28) + "\" y2=\"" + n(y)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + (dash == null ? "3" : "2") + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String textAt(double x, double y, String content, String size, String weight, String fill) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" font-size=\"" + size + "\" fill=\"" + fill + "\""
                + (weight == null ? "" : " font-weight=\"" + weight + "\"") + ">" + text(content) + "</text>\n";
    }

    /** A level's colour from the scheme, if it is a plain hex colour (it goes into an attribute as it is). */
    static String colour(ClassificationLevel level) {
        if (level == null || level.colour() == null) {
            return NO_LEVEL;
        }
        String c = level.colour().strip();
        return c.matches("#[0-9A-Fa-f]{3}([0-9A-Fa-f]{3})?") ? c.toLowerCase(Locale.ROOT) : NO_LEVEL;
    }

    /** A number as SVG writes it: at most one decimal, no exponent. */
    static String n(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    /** Character data: markup characters escaped, characters XML 1.0 cannot hold dropped. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }

    private static String attr(String s) {
        return text(s);
    }
}
