package org.custodian.model.classification;

import java.time.LocalDate;

/**
 * Which reviews to list: those due on or before {@code today + withinDays} (every scheduled one when null),
 * of one kind, department or level when given; {@link #OVERDUE} days lists only those due before today. Overdue
 * reviews come first, then by due date.
 */
public record ReviewQuery(LocalDate today, Integer withinDays, ReviewKind kind, String department, String level) {

    /** The window of reviews already overdue: due on or before yesterday. */
    public static final int OVERDUE = -1;

    public static ReviewQuery dueWithin(LocalDate today, Integer days) {
        return new ReviewQuery(today, days, null, null, null);
    }

    /** The last day included. */
    public LocalDate until() {
        return withinDays == null ? LocalDate.MAX : today.plusDays(withinDays);
    }
}
