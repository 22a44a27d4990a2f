package org.custodian.logic.reference;

import java.util.List;
import java.util.Map;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.store.ReferenceRepository;

/** Looks up the reference lists for screens and commands: paged, sorted and filtered in the store. */
public final class ReferenceLists {

    /** The sort keys a screen may ask for. */
    public enum Sort { CODE, NAME_EN, NAME_TC }

    private final ReferenceRepository repository;

    public ReferenceLists(ReferenceRepository repository) {
        this.repository = repository;
    }

    public List<ReferenceEntry> page(ReferenceList list, String filter, Sort sort, boolean descending, int limit,
                                     int offset) {
        return repository.search(list, filter, ReferenceRepository.SortColumn.valueOf(sort.name()), descending,
                limit, offset);
    }

    public int count(ReferenceList list, String filter) {
        return repository.count(list, filter);
    }

    public Map<ReferenceList, Integer> counts() {
        return repository.counts();
    }
}
