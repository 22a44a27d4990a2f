package org.custodian.model.sharing;

import java.time.LocalDate;
import java.util.Set;

/**
 * A view of the register: words to find (in the reference, title, purpose, parties' names and covered dataset
 * codes), filters, an order and a page.
 *
 * @param party an organisation's code: only agreements it is a party to
 * @param crossBoundary null for both
 * @param expiringWithin days: only agreements in force whose expiry falls within that many days of {@code today}
 *     (or has passed); null for no such filter
 */
public record AgreementQuery(String text, Set<AgreementType> types, Set<AgreementStatus> statuses, String party,
                             Boolean crossBoundary, Integer expiringWithin, LocalDate today, AgreementSort sort,
                             boolean descending, int limit, int offset) {

    public AgreementQuery {
        types = Set.copyOf(types == null ? Set.of() : types);
        statuses = Set.copyOf(statuses == null ? Set.of() : statuses);
        sort = sort == null ? AgreementSort.REFERENCE : sort;
    }

    /** Every agreement, by reference. */
    public static AgreementQuery all(LocalDate today) {
        return new AgreementQuery(null, Set.of(), Set.of(), null, null, null, today, AgreementSort.REFERENCE, false,
                Integer.MAX_VALUE, 0);
    }

    public AgreementQuery page(int newLimit, int newOffset) {
        return new AgreementQuery(text, types, statuses, party, crossBoundary, expiringWithin, today, sort, descending,
                newLimit, newOffset);
    }
}
