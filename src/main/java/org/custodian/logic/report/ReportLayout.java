package org.custodian.logic.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.custodian.logic.io.html.Xhtml;
import org.custodian.logic.io.pdf.PdfDocumentWriter;
import org.custodian.model.audit.AuditHead;
import org.custodian.model.inventory.ClassificationLevel;

/**
 * Wraps a report's body into a whole XHTML document: the stylesheet, the marking at the top and bottom of every
 * page, and the footer with page "n of N", the generation time, the audit head and the fingerprint. The PDF
 * repeats header and footer on every page (CSS running elements); the HTML file shows them once, above and below.
 */
final class ReportLayout {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReportLayout() {
    }

    static String document(ReportContent content, ReportWords words, ZonedDateTime generated, AuditHead head,
                           String productVersion, boolean forPdf) {
        Xhtml x = new Xhtml();
        String lang = switch (content.options().language()) {
            case EN -> "en";
            case ZH -> "zh-Hant";
            case BOTH -> "en";
        };
        x.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", lang);
        x.open("head");
        x.empty("meta", "charset", "utf-8");
        x.empty("meta", "name", "generator", "content", "Custodian " + productVersion);
        x.empty("meta", "name", "custodian-fingerprint", "content", content.fingerprint());
        x.element("title", content.title());
        x.element("style", stylesheet(content, forPdf));
        x.close();
        x.open("body", "class", content.options().language().code());
        header(x, content);
        if (forPdf) {
            footer(x, content, words, generated, head, true);
            x.markup(content.body());
        } else {
            x.markup(content.body());
            footer(x, content, words, generated, head, false);
        }
        x.close().close();
        return "<!DOCTYPE html>\n" + x;
    }

    private static void header(Xhtml x, ReportContent content) {
        x.open("div", "id", "page-header");
        x.open("table", "class", "frame");
        x.open("tr");
        x.element("td", content.title(), "class", "frame-left");
        markingCell(x, content.marking());
        x.element("td", content.subject(), "class", "frame-right");
        x.close().close().close();
    }

    private static void footer(Xhtml x, ReportContent content, ReportWords words, ZonedDateTime generated,
                               AuditHead head, boolean forPdf) {
        x.open("div", "id", "page-footer");
        x.open("table", "class", "frame");
        x.open("tr");
        x.element("td", words.t("report.footer.generated", STAMP.format(generated) + " " + generated.getZone().getId()),
                "class", "frame-left");
        markingCell(x, content.marking());
        x.open("td", "class", "frame-right");
        if (forPdf) {
            // The counters are filled in per page by the renderer; a browser shows the file as one page.
            x.empty("span", "class", "page-" + content.options().language().code());
        }
        x.close();
        x.close();
        x.open("tr");
        String audit = head == null || head.sequence() == 0 ? words.t("report.footer.auditEmpty")
                : words.t("report.footer.audit", String.valueOf(head.sequence()), shortHash(head.hash()));
        x.element("td", audit, "class", "frame-left small");
        x.open("td", "class", "fingerprint", "colspan", "2");
        x.text(words.t("report.footer.fingerprint") + " ");
        x.element("span", content.fingerprint(), "class", "hex");
        x.close();
        x.close().close().close();
    }

    private static void markingCell(Xhtml x, ClassificationLevel level) {
        x.element("td", marking(level), "class", "frame-marking", "style", "color:" + safeColour(level.colour()));
    }

    static String marking(ClassificationLevel level) {
        return level.marking() == null || level.marking().isBlank() ? level.code() : level.marking();
    }

    static String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(16, hash.length()));
    }

    /** A scheme's colour goes into CSS, so only a plain hex colour is taken from the file. */
    static String safeColour(String colour) {
        return colour != null && colour.matches("#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})") ? colour
                : "#57606a";
    }

    /** Only the current language's counter, so an English report carries no Chinese it does not print. */
    private static String pageCounter(ReportContent content) {
        String en = "\"Page \" counter(page) \" of \" counter(pages)";
        String zh = "\"第 \" counter(page) \" 頁，共 \" counter(pages) \" 頁\"";
        String rule = switch (content.options().language()) {
            case EN -> en;
            case ZH -> zh;
            case BOTH -> en + " \" · \" " + zh;
        };
        return ".page-" + content.options().language().code() + "::after { content: " + rule + "; }\n";
    }

    private static String stylesheet(ReportContent content, boolean forPdf) {
        String family = "Helvetica, Arial, \"Microsoft JhengHei\", \"PingFang TC\", \"Noto Sans TC\", \""
                + PdfDocumentWriter.CHINESE_FAMILY + "\", sans-serif";
        StringBuilder css = new StringBuilder(4096);
        if (forPdf) {
            css.append("@page { size: ").append(content.options().paper().cssName())
                    .append(content.landscape() ? " landscape" : "").append("; margin: 24mm 14mm 26mm 14mm;")
                    .append(" @top-center { content: element(pageHeader); }")
                    .append(" @bottom-center { content: element(pageFooter); } }\n")
                    .append("#page-header { position: running(pageHeader); }\n")
                    .append("#page-footer { position: running(pageFooter); }\n")
                    .append(pageCounter(content))
                    .append(".cover { page-break-after: always; }\n")
                    .append(".chapter { page-break-before: always; }\n");
        } else {
            // Printed from a browser, the marking repeats at the top and bottom of every sheet.
            css.append("@media print { #page-header { position: fixed; top: 0; left: 0; right: 0; background: #fff; }"
                    + " #page-footer { position: fixed; bottom: 0; left: 0; right: 0; background: #fff; }"
                    + " body { margin: 16mm 0 22mm 0; max-width: none; } }\n");
            css.append("body { max-width: 60em; margin: 1.5em auto; padding: 0 1em; }\n")
                    .append("#page-header { border-bottom: 1px solid #d0d7de; margin-bottom: 1em; }\n")
                    .append("#page-footer { border-top: 1px solid #d0d7de; margin-top: 2em; }\n")
                    .append(".chapter { margin-top: 2.5em; }\n");
        }
        css.append("body { font-family: ").append(family).append("; font-size: 9.5pt; color: #1f2328;")
                .append(" line-height: 1.35; }\n")
                .append("table.frame { width: 100%; border-collapse: collapse; font-size: 7.5pt; color: #57606a; }\n")
                .append("table.frame td { padding: 1pt 0; vertical-align: top; border: none; }\n")
                .append(".frame-left { width: 38%; text-align: left; }\n")
                .append(".frame-right { width: 38%; text-align: right; }\n")
                .append(".frame-marking { text-align: center; font-weight: bold; font-size: 10.5pt;")
                .append(" letter-spacing: 0.5pt; }\n")
                .append(".fingerprint { text-align: right; font-size: 6.5pt; }\n")
                .append(".hex { font-family: Courier, monospace; }\n")
                .append(".small { font-size: 6.5pt; }\n")
                .append("h1 { font-size: 20pt; margin: 0 0 4pt 0; color: #0b3d6e; }\n")
                .append("h2 { font-size: 13.5pt; margin: 14pt 0 6pt 0; padding-bottom: 2pt;")
                .append(" border-bottom: 1.5pt solid #0b3d6e; color: #0b3d6e; page-break-after: avoid; }\n")
                .append("h3 { font-size: 11pt; margin: 10pt 0 4pt 0; color: #24292f; page-break-after: avoid; }\n")
                .append("p { margin: 3pt 0; }\n")
                .append(".muted { color: #57606a; }\n")
                .append(".lead { font-size: 12pt; color: #57606a; margin-bottom: 14pt; }\n")
                .append("table.grid { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0;")
                .append(" -fs-table-paginate: paginate; }\n")
                .append("table.grid th { background: #eef2f6; text-align: left; font-size: 8pt; padding: 3pt 4pt;")
                .append(" border: 0.6pt solid #c6ced6; }\n")
                .append("table.grid td { padding: 3pt 4pt; border: 0.6pt solid #d0d7de; vertical-align: top; }\n")
                .append("table.grid tr { page-break-inside: avoid; }\n")
                .append("table.facts { border-collapse: collapse; margin: 6pt 0 10pt 0; width: 100%; }\n")
                .append("table.facts th { text-align: left; width: 30%; color: #57606a; font-weight: normal;")
                .append(" padding: 3pt 8pt 3pt 0; vertical-align: top; border-bottom: 0.5pt solid #e1e4e8; }\n")
                .append("table.facts td { padding: 3pt 0; vertical-align: top; border-bottom: 0.5pt solid #e1e4e8; }\n")
                .append(".chip { color: #ffffff; padding: 1pt 4pt; border-radius: 3pt; font-size: 7.5pt;")
                .append(" font-weight: bold; white-space: nowrap; }\n")
                .append(".badge { border: 0.8pt solid #57606a; padding: 0 3pt; border-radius: 3pt; font-size: 7.5pt;")
                .append(" white-space: nowrap; }\n")
                .append(".badge-overdue { border-color: #cf222e; color: #cf222e; font-weight: bold; }\n")
                .append(".badge-soon { border-color: #9a6700; color: #9a6700; }\n")
                .append(".level-box { padding: 8pt 10pt; border-radius: 4pt; color: #ffffff; }\n")
                .append(".level-box .big { font-size: 16pt; font-weight: bold; }\n")
                .append(".bar-cell { width: 45%; }\n")
                .append(".bar-track { background: #eef2f6; height: 8pt; width: 100%; }\n")
                .append(".bar { height: 8pt; }\n")
                .append("table.heat { border-collapse: collapse; margin: 4pt 0; }\n")
                .append("table.heat td { width: 34pt; height: 24pt; text-align: center; vertical-align: middle;")
                .append(" border: 1pt solid #ffffff; font-weight: bold; }\n")
                .append("table.heat th { font-size: 7pt; font-weight: normal; color: #57606a; padding: 2pt; }\n")
                .append(".question { page-break-inside: avoid; border-left: 2pt solid #d0d7de; padding: 2pt 0 4pt 8pt;")
                .append(" margin: 6pt 0; }\n")
                .append(".question .number { font-weight: bold; color: #0b3d6e; }\n")
                .append(".answer { margin-top: 2pt; }\n")
                .append(".answer-value { font-weight: bold; }\n")
                .append(".unanswered { color: #cf222e; }\n")
                .append(".note { margin-top: 2pt; color: #24292f; font-style: italic; }\n")
                .append(".evidence { margin-top: 2pt; font-size: 8pt; color: #57606a; }\n")
                .append("table.sidebyside { width: 100%; border-collapse: collapse; }\n")
                .append("table.sidebyside td { width: 50%; vertical-align: top; padding: 0 8pt 0 0; }\n")
                .append("table.sign { width: 100%; border-collapse: collapse; margin-top: 8pt; }\n")
                .append("table.sign th { text-align: left; font-size: 8pt; border-bottom: 1pt solid #1f2328;")
                .append(" padding: 3pt 4pt; }\n")
                .append("table.sign td { height: 34pt; vertical-align: bottom; padding: 3pt 4pt;")
                .append(" border-bottom: 0.6pt solid #8c959f; }\n")
                .append(".group-count { color: #57606a; font-weight: normal; font-size: 10pt; }\n")
                .append(".row-overdue td { background: #fff1f0; }\n")
                .append(".nowrap { white-space: nowrap; }\n")
                .append("table.grid.fixed { table-layout: fixed; }\n")
                .append(".register table.grid { font-size: 8.5pt; }\n")
                .append(".register .badge { white-space: normal; }\n")
                .append("h2, h3 { -fs-page-break-min-height: 3.5cm; }\n")
                .append("body.both .chip { white-space: normal; }\n")
                .append("table.sign th.sign-date, table.sign td.sign-date { width: 13%; white-space: nowrap; }\n")
                .append("table.sign .sign-signature { width: 28%; }\n")
                .append("table.grid.narrow { width: auto; min-width: 40%; }\n")
                .append(".keep { page-break-inside: avoid; }\n")
                .append(".percent { white-space: nowrap; text-align: right; width: 8%; }\n")
                .append(".audit table.grid { font-size: 7.5pt; }\n")
                .append(".audit td { word-wrap: break-word; }\n")
                .append(".audit .change { margin: 0 0 1.5pt 0; }\n");
        return css.toString();
    }
}
