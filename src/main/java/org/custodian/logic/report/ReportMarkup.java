package org.custodian.logic.report;

import org.custodian.logic.io.html.Xhtml;
import org.custodian.model.inventory.ClassificationLevel;

/** Pieces every report draws the same way: a level's coloured chip, a table's header row, a counted heading. */
final class ReportMarkup {

    private ReportMarkup() {
    }

    static void levelChip(Xhtml x, ClassificationLevel level, ReportWords w) {
        if (level != null) {
            x.element("span", w.pick(level.nameEn(), level.nameTc()), "class", "chip", "style",
                    "background:" + ReportLayout.safeColour(level.colour()));
        }
    }

    /** Opens a paginating table (its header repeats on every page) with these column labels; the body is open. */
    static void openGrid(Xhtml x, ReportWords w, String... labelKeys) {
        openGrid(x, "grid", w, labelKeys);
    }

    /** As {@link #openGrid(Xhtml, ReportWords, String...)}, with the table's classes. */
    static void openGrid(Xhtml x, String classes, ReportWords w, String... labelKeys) {
        x.open("table", "class", classes);
        x.open("thead").open("tr");
        for (String key : labelKeys) {
            x.element("th", w.t(key));
        }
        x.close().close();
        x.open("tbody");
    }

    /**
     * A paginating table whose columns take these shares of the width (in per cent, one per label): a register's
     * long cells wrap inside their column instead of squeezing the others.
     */
    static void openGrid(Xhtml x, ReportWords w, int[] widths, String... labelKeys) {
        x.open("table", "class", "grid fixed");
        x.open("thead").open("tr");
        for (int i = 0; i < labelKeys.length; i++) {
            x.element("th", w.t(labelKeys[i]), "style", "width:" + widths[i] + "%");
        }
        x.close().close();
        x.open("tbody");
    }

    /** Closes what {@link #openGrid} opened. */
    static void closeGrid(Xhtml x) {
        x.close().close();
    }

    static void countedHeading(Xhtml x, String tag, String title, String count) {
        x.open(tag).text(title + " ").element("span", count, "class", "group-count").close();
    }

    static String blank(String s) {
        return s == null ? "" : s;
    }
}
