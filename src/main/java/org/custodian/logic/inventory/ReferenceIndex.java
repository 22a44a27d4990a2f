package org.custodian.logic.inventory;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.custodian.model.inventory.NewReference;
import org.custodian.model.inventory.ReferenceResolver;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;
import org.custodian.store.ReferenceRepository;

/**
 * The reference lists held in memory for one import or form (they hold hundreds of entries, a row holds three
 * lookups): a code, an English name or a Chinese name finds the entry, ignoring case.
 */
public final class ReferenceIndex implements ReferenceResolver {

    private final Map<ReferenceList, Map<String, ReferenceEntry>> byKey = new EnumMap<>(ReferenceList.class);

    private ReferenceIndex() {
        for (ReferenceList list : ReferenceList.values()) {
            byKey.put(list, new HashMap<>());
        }
    }

    public static ReferenceIndex load(ReferenceRepository repository) {
        ReferenceIndex index = new ReferenceIndex();
        for (ReferenceList list : ReferenceList.values()) {
            List<ReferenceEntry> entries = repository.search(list, "", ReferenceRepository.SortColumn.CODE, false,
                    Integer.MAX_VALUE, 0);
            // Names first, codes last: a code always wins over another entry's identical name.
            entries.forEach(index::addNames);
            entries.forEach(e -> index.byKey.get(list).put(key(e.code()), e));
        }
        return index;
    }

    private void addNames(ReferenceEntry e) {
        Map<String, ReferenceEntry> map = byKey.get(e.list());
        if (e.nameEn() != null) {
            map.putIfAbsent(key(e.nameEn()), e);
        }
        if (e.nameTc() != null) {
            map.putIfAbsent(key(e.nameTc()), e);
        }
    }

    /** Makes an entry an import is about to add findable by the rows after it. */
    public void add(NewReference added) {
        ReferenceEntry e = new ReferenceEntry(java.util.UUID.randomUUID(), added.list(), added.code(), added.nameEn(),
                added.nameTc());
        byKey.get(added.list()).put(key(added.code()), e);
        addNames(e);
    }

    @Override
    public Optional<String> resolve(ReferenceList list, String text) {
        ReferenceEntry e = byKey.get(list).get(key(text));
        return e == null ? Optional.empty() : Optional.of(e.code());
    }

    public Optional<ReferenceEntry> entry(ReferenceList list, String code) {
        return Optional.ofNullable(byKey.get(list).get(key(code)));
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
