package org.custodian.model.sharing;

import java.time.LocalDate;

/**
 * One party to an agreement: an organisation of the reference list (by code), its role, and who signed for it
 * and when. In a file it is written {@code role:organisation} or {@code role:organisation|signatory|date}.
 */
public record AgreementParty(String organisation, PartyRole role, String signatory, LocalDate signedOn) {

    public String text() {
        String base = role.code() + ":" + organisation;
        if (signatory == null && signedOn == null) {
            return base;
        }
        return base + "|" + (signatory == null ? "" : signatory) + "|" + (signedOn == null ? "" : signedOn);
    }
}
