package org.custodian.logic.oversight;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.custodian.logic.classification.Classification;
import org.custodian.logic.io.AtomicOutput;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.oversight.FlowAgreement;
import org.custodian.model.oversight.FlowEdge;
import org.custodian.model.oversight.FlowFilter;
import org.custodian.model.oversight.FlowMap;
import org.custodian.model.oversight.FlowNode;
import org.custodian.model.oversight.FlowOrganisation;
import org.custodian.model.oversight.FlowPath;
import org.custodian.model.report.ReportLanguage;
import org.custodian.store.DataFlowRepository;

/**
 * The data-flow map: the organisations of the chosen agreements as nodes, each agreement an edge from every party
 * that gives data to every party that receives it (a processor receives; joint controllers give to each other, one
 * edge both ways), marked for personal data and cross-boundary flows and coloured by the highest level shared;
 * laid out, and written as SVG.
 */
public final class DataFlows {

    /** Room between parallel edges of one pair of organisations, at their middle. */
    static final double PARALLEL_SPACING = 26;

    private final DataFlowRepository store;
    private final Classification classification;

    public DataFlows(DataFlowRepository store, Classification classification) {
        this.store = store;
        this.classification = classification;
    }

    /** The map of the agreements the filter chooses, laid out. Reads the store. */
    public FlowMap map(FlowFilter filter) {
        List<FlowAgreement> agreements = store.agreements(filter.types(), filter.statuses());
        Set<String> codes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        agreements.forEach(a -> {
            codes.addAll(a.providers());
            codes.addAll(a.recipients());
        });
        return build(filter, agreements, store.organisations(codes), classification.scheme());
    }

    /** Writes the map as a standalone SVG file, replacing the target whole or not at all. */
    public void writeSvg(FlowMap map, ReportLanguage language, Path target) throws IOException {
        AtomicOutput.write(target, out -> new FlowMapSvg(map, language).writeTo(out));
    }

    /** The map of these agreements (pure: no store), for the store-backed {@link #map} and for tests. */
    static FlowMap build(FlowFilter filter, List<FlowAgreement> agreements, List<FlowOrganisation> organisations,
                         ClassificationScheme scheme) {
        List<Flow> flows = flows(agreements);
        // Nodes: every organisation on an edge, by code; names from the list (the code alone when it has none).
        Map<String, FlowOrganisation> known = new HashMap<>();
        organisations.forEach(o -> known.put(key(o.code()), o));
        TreeMap<String, FlowOrganisation> onMap = new TreeMap<>();
        Map<String, Set<UUID>> agreementsOf = new HashMap<>();
        for (Flow f : flows) {
            for (String code : List.of(f.from(), f.to())) {
                onMap.computeIfAbsent(key(code), k -> known.getOrDefault(k, new FlowOrganisation(code, null, null)));
                agreementsOf.computeIfAbsent(key(code), k -> new LinkedHashSet<>()).add(f.agreement().id());
            }
        }
        List<FlowOrganisation> orgs = new ArrayList<>(onMap.values());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < orgs.size(); i++) {
            index.put(key(orgs.get(i).code()), i);
        }
        int centre = 0;
        for (int i = 1; i < orgs.size(); i++) {
            if (agreementsOf.get(key(orgs.get(i).code())).size()
                    > agreementsOf.get(key(orgs.get(centre).code())).size()) {
                centre = i;
            }
        }
        List<FlowLayout.Slot> slots = new ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
            FlowOrganisation o = orgs.get(i);
            slots.add(new FlowLayout.Slot(o.code(), radius(agreementsOf.get(key(o.code())).size(), i == centre),
                    Math.max(labelWidth(o.name(false)), labelWidth(o.name(true))),
                    Math.max(labelHeight(o.name(false)), labelHeight(o.name(true)))));
        }
        Set<String> linked = new LinkedHashSet<>();
        List<int[]> links = new ArrayList<>();
        for (Flow f : flows) {
            int a = index.get(key(f.from()));
            int b = index.get(key(f.to()));
            if (linked.add(Math.min(a, b) + ":" + Math.max(a, b))) {
                links.add(new int[] {Math.min(a, b), Math.max(a, b)});
            }
        }
        FlowLayout.Placement placed = FlowLayout.place(slots, centre, links);
        List<FlowNode> nodes = new ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
            FlowOrganisation o = orgs.get(i);
            nodes.add(new FlowNode(o, agreementsOf.get(key(o.code())).size(), i == centre, placed.x()[i],
                    placed.y()[i], slots.get(i).radius()));
        }
        List<FlowEdge> edges = routed(flows, nodes, index, scheme);
        return new FlowMap(filter, nodes, edges, scheme.levels(), placed.width(), placed.height());
    }

    /** One agreement's flow between two organisations before it is drawn. */
    private record Flow(FlowAgreement agreement, String from, String to, boolean mutual) {
    }

    /** Every provider to every recipient of each agreement; a pair flowing both ways in one agreement is one flow. */
    private static List<Flow> flows(List<FlowAgreement> agreements) {
        List<Flow> flows = new ArrayList<>();
        for (FlowAgreement a : agreements) {
            Map<String, String[]> pairs = new LinkedHashMap<>();
            for (String p : a.providers()) {
                for (String r : a.recipients()) {
                    if (!key(p).equals(key(r))) {
                        pairs.putIfAbsent(key(p) + "\n" + key(r), new String[] {p, r});
                    }
                }
            }
            Set<String> done = new java.util.HashSet<>();
            for (Map.Entry<String, String[]> e : pairs.entrySet()) {
                String[] pr = e.getValue();
                String back = key(pr[1]) + "\n" + key(pr[0]);
                if (done.contains(back)) {
                    continue;
                }
                done.add(e.getKey());
                flows.add(new Flow(a, pr[0], pr[1], pairs.containsKey(back)));
            }
        }
        return flows;
    }

    /**
     * The edges' lines: straight when one agreement links a pair, else bowed apart symmetrically round the straight
     * line (sides taken the same way whichever way each one flows), ends on the circles' rims.
     */
    private static List<FlowEdge> routed(List<Flow> flows, List<FlowNode> nodes, Map<String, Integer> index,
                                         ClassificationScheme scheme) {
        Map<String, List<Flow>> byPair = new TreeMap<>();
        for (Flow f : flows) {
            String a = key(f.from());
            String b = key(f.to());
            byPair.computeIfAbsent(a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a, k -> new ArrayList<>()).add(f);
        }
        Map<Flow, FlowPath> paths = new HashMap<>();
        for (List<Flow> group : byPair.values()) {
            group.sort(Comparator.comparing((Flow f) -> f.agreement().reference(), String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(f -> key(f.from())));
            for (int k = 0; k < group.size(); k++) {
                Flow f = group.get(k);
                FlowNode from = nodes.get(index.get(key(f.from())));
                FlowNode to = nodes.get(index.get(key(f.to())));
                boolean forward = key(f.from()).compareTo(key(f.to())) < 0;
                double bow = (k - (group.size() - 1) / 2.0) * PARALLEL_SPACING * 2 * (forward ? 1 : -1);
                paths.put(f, path(from, to, bow));
            }
        }
        List<FlowEdge> edges = new ArrayList<>();
        for (Flow f : flows) {
            ClassificationLevel level = f.agreement().level() == null ? null
                    : scheme.level(f.agreement().level()).orElse(null);
            edges.add(new FlowEdge(f.agreement(), nodes.get(index.get(key(f.from()))).code(),
                    nodes.get(index.get(key(f.to()))).code(), f.mutual(), level, paths.get(f)));
        }
        edges.sort(Comparator.comparing(FlowEdge::reference, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(FlowEdge::from).thenComparing(FlowEdge::to));
        return edges;
    }

    /** A quadratic curve whose control point lies {@code bow} to the left of the straight line's middle. */
    private static FlowPath path(FlowNode from, FlowNode to, double bow) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        double length = Math.max(Math.hypot(dx, dy), 1e-6);
        double cx = (from.x() + to.x()) / 2 - dy / length * bow;
        double cy = (from.y() + to.y()) / 2 + dx / length * bow;
        double[] start = rim(from, cx, cy, 1);
        double[] end = rim(to, cx, cy, 2);
        return new FlowPath(FlowLayout.round(start[0]), FlowLayout.round(start[1]), FlowLayout.round(cx),
                FlowLayout.round(cy), FlowLayout.round(end[0]), FlowLayout.round(end[1]));
    }

    /** The point on a node's rim (plus a gap) towards {@code (tx, ty)}. */
    private static double[] rim(FlowNode node, double tx, double ty, double gap) {
        double dx = tx - node.x();
        double dy = ty - node.y();
        double length = Math.max(Math.hypot(dx, dy), 1e-6);
        double r = node.radius() + gap;
        return new double[] {node.x() + dx / length * r, node.y() + dy / length * r};
    }

    /** A circle's radius: larger for an organisation in more agreements, largest for the department. */
    static double radius(int agreements, boolean department) {
        return FlowLayout.round(9 + 2.5 * Math.sqrt(agreements) + (department ? 6 : 0));
    }

    private static double labelWidth(String name) {
        return FlowLabel.lines(name).stream().mapToDouble(FlowLabel::width).max().orElse(0);
    }

    private static double labelHeight(String name) {
        return FlowLabel.height(FlowLabel.lines(name).size());
    }

    private static String key(String code) {
        return code.toLowerCase(Locale.ROOT);
    }
}
