package org.custodian.model.audit;

import java.util.List;

/** The values the log's filters can take: who has made changes, which actions and which kinds of record occur. */
public record AuditChoices(List<String> actors, List<String> actions, List<String> entityTypes) {

    public static final AuditChoices NONE = new AuditChoices(List.of(), List.of(), List.of());

    public AuditChoices {
        actors = List.copyOf(actors);
        actions = List.copyOf(actions);
        entityTypes = List.copyOf(entityTypes);
    }
}
