package org.custodian.model.oversight;

import java.util.List;
import java.util.Optional;
import org.custodian.model.inventory.ClassificationLevel;

/**
 * The data-flow map laid out: organisations as nodes, agreements as edges from provider to recipient, in a
 * drawing of {@code width} × {@code height} (the legend not included).
 *
 * @param levels the scheme's levels, lowest first, for the legend
 */
public record FlowMap(FlowFilter filter, List<FlowNode> nodes, List<FlowEdge> edges, List<ClassificationLevel> levels,
                      double width, double height) {

    public FlowMap {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        levels = List.copyOf(levels);
    }

    public boolean isEmpty() {
        return edges.isEmpty();
    }

    public Optional<FlowNode> node(String code) {
        return nodes.stream().filter(n -> n.code().equalsIgnoreCase(code)).findFirst();
    }

    /** How many agreements the edges stand for (an agreement with several recipients has an edge to each). */
    public long agreementCount() {
        return edges.stream().map(e -> e.agreement().id()).distinct().count();
    }
}
