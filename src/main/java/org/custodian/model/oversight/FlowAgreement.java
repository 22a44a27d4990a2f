package org.custodian.model.oversight;

import java.util.List;
import java.util.UUID;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;

/**
 * What the data-flow map needs of one agreement, as the store reads it.
 *
 * @param personalData the agreement names personal data categories or covers a dataset holding personal data
 * @param level the highest level among the covered datasets' levels; the agreement's ceiling when none has one;
 *              null when neither is recorded
 * @param providers organisation codes that give data (providers and joint controllers), in the agreement's order
 * @param recipients organisation codes that receive it (recipients, processors and joint controllers)
 */
public record FlowAgreement(UUID id, String reference, String title, AgreementType type, AgreementStatus status,
                            boolean crossBoundary, boolean personalData, String level, List<String> providers,
                            List<String> recipients) {

    public FlowAgreement {
        providers = List.copyOf(providers);
        recipients = List.copyOf(recipients);
    }
}
