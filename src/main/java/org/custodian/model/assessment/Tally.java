package org.custodian.model.assessment;

/**
 * Weighted points against the weighted maximum over a group of showing, answered, scored questions (a section, a
 * principle, the whole assessment), with how many of its showing questions have an answer.
 */
public record Tally(String id, TemplateText title, int points, int max, int answered, int showing) {

    /** The points as a percentage of the maximum, or -1 when nothing scored has been answered yet. */
    public int percent() {
        return max == 0 ? -1 : (int) Math.round(100.0 * points / max);
    }

    /** Answered showing questions as a share of the showing ones, 0..1. */
    public double progress() {
        return showing == 0 ? 1.0 : (double) answered / showing;
    }
}
