package org.custodian.model.sharing;

import java.util.Optional;
import java.util.function.Function;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.inventory.ReferenceResolver;

/**
 * What the agreement rules look up: organisations by code or name, covered datasets by code, and the scheme's
 * levels with their handling rules.
 *
 * @param addUnknownOrganisations true where a party may be added on the spot (the editor and importers): an
 *     organisation the list does not know becomes a new entry, with a warning, instead of a problem
 */
public record AgreementContext(ReferenceResolver organisations, Function<String, Optional<DatasetFacts>> datasets,
                               ClassificationScheme scheme, boolean addUnknownOrganisations) {
}
