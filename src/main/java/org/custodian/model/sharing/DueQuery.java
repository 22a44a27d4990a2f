package org.custodian.model.sharing;

import java.time.LocalDate;

/**
 * Which expiries and reviews to list: those falling due on or before {@code today + within} days (overdue ones
 * included), of one kind or both (null). A null {@code within} lists every date recorded.
 */
public record DueQuery(LocalDate today, Integer within, DueKind kind) {

    public LocalDate horizon() {
        return within == null ? LocalDate.MAX : today.plusDays(within);
    }
}
