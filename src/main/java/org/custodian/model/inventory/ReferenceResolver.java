package org.custodian.model.inventory;

import java.util.Optional;
import org.custodian.model.reference.ReferenceList;

/** Finds the code of a reference entry from what a person typed: its code or its English or Chinese name. */
@FunctionalInterface
public interface ReferenceResolver {

    Optional<String> resolve(ReferenceList list, String text);
}
