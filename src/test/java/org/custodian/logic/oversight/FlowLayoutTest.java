package org.custodian.logic.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.oversight.FlowAgreement;
import org.custodian.model.oversight.FlowEdge;
import org.custodian.model.oversight.FlowFilter;
import org.custodian.model.oversight.FlowMap;
import org.custodian.model.oversight.FlowNode;
import org.custodian.model.oversight.FlowOrganisation;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.junit.jupiter.api.Test;

/** The map's layout on made-up registers: nothing overlaps, parallel agreements bow apart, the same input lays out the same. */
class FlowLayoutTest {

    static final ClassificationScheme SCHEME = new ClassificationScheme("test", "Test", "測試", List.of(
            new ClassificationLevel("UNCLASSIFIED", 0, "UNCLASSIFIED", "非保密", "#57606a", null, null),
            new ClassificationLevel("RESTRICTED", 1, "RESTRICTED", "限閱文件", "#1f6feb", null, null),
            new ClassificationLevel("CONFIDENTIAL", 2, "CONFIDENTIAL", "機密", "#bf8700", null, null)));

    /** Boxes of circle and name (the wider and taller of the two languages) do not touch. */
    static void assertNoOverlaps(FlowMap map) {
        List<double[]> boxes = new ArrayList<>();
        for (FlowNode n : map.nodes()) {
            double w = Math.max(2 * n.radius(), Math.max(width(n.organisation().name(false)),
                    width(n.organisation().name(true))));
            double h = 2 * n.radius() + FlowLayout.LABEL_GAP + Math.max(
                    FlowLabel.height(FlowLabel.lines(n.organisation().name(false)).size()),
                    FlowLabel.height(FlowLabel.lines(n.organisation().name(true)).size()));
            double[] box = {n.x() - w / 2, n.y() - n.radius(), n.x() + w / 2, n.y() - n.radius() + h};
            assertTrue(box[0] >= 0 && box[1] >= 0 && box[2] <= map.width() && box[3] <= map.height(),
                    n.code() + " inside the drawing");
            for (int i = 0; i < boxes.size(); i++) {
                double[] o = boxes.get(i);
                boolean apart = box[2] <= o[0] || o[2] <= box[0] || box[3] <= o[1] || o[3] <= box[1];
                assertTrue(apart, n.code() + " overlaps " + map.nodes().get(i).code());
            }
            boxes.add(box);
        }
    }

    private static double width(String name) {
        return FlowLabel.lines(name).stream().mapToDouble(FlowLabel::width).max().orElse(0);
    }

    private static FlowAgreement agreement(int n, String from, String to, String level) {
        return new FlowAgreement(UUID.nameUUIDFromBytes(("a" + n).getBytes()), String.format("DSA-%03d", n),
                "Agreement " + n, AgreementType.INTER_DEPARTMENTAL_API, AgreementStatus.ACTIVE, n % 5 == 0,
                n % 2 == 0, level, List.of(from), List.of(to));
    }

    /** Thirty organisations, forty agreements: a hub, its partners, and partners of partners; three pairs twice. */
    private static List<FlowAgreement> register() {
        List<FlowAgreement> list = new ArrayList<>();
        int n = 0;
        for (int i = 1; i <= 10; i++) {
            list.add(agreement(++n, "org-" + i, "hub", i % 3 == 0 ? "CONFIDENTIAL" : "RESTRICTED"));
        }
        for (int i = 11; i <= 29; i++) {
            list.add(agreement(++n, "org-" + (1 + i % 10), "org-" + i, "UNCLASSIFIED"));
        }
        for (int i = 1; i <= 5; i++) {
            list.add(agreement(++n, "org-" + (10 + i), "org-" + (20 + i), null));
        }
        list.add(agreement(++n, "hub", "org-1", "RESTRICTED"));
        list.add(agreement(++n, "org-1", "hub", "CONFIDENTIAL"));
        list.add(agreement(++n, "org-2", "hub", "RESTRICTED"));
        list.add(agreement(++n, "org-12", "org-2", "RESTRICTED"));
        list.add(agreement(++n, "lone-a", "lone-b", "RESTRICTED"));
        list.add(agreement(++n, "lone-a", "lone-b", "UNCLASSIFIED"));
        return list;
    }

    private static List<FlowOrganisation> names() {
        List<FlowOrganisation> orgs = new ArrayList<>();
        orgs.add(new FlowOrganisation("hub", "Digital Policy Office", "數字政策辦公室"));
        for (int i = 1; i <= 29; i++) {
            orgs.add(new FlowOrganisation("org-" + i, "Electrical and Mechanical Services Department " + i,
                    "機電工程署" + i));
        }
        orgs.add(new FlowOrganisation("lone-a", "Pearl River Estuary Regional Weather Data Centre", null));
        return orgs;
    }

    @Test
    void thirtyOrganisationsLayOutWithoutOverlapsTheHubInTheMiddle() {
        FlowMap map = DataFlows.build(FlowFilter.current(), register(), names(), SCHEME);
        assertEquals(32, map.nodes().size());
        assertEquals(40, map.agreementCount());
        assertNoOverlaps(map);
        FlowNode hub = map.node("hub").orElseThrow();
        assertTrue(hub.department());
        assertTrue(map.nodes().stream().allMatch(n -> n == hub || n.radius() < hub.radius()));
        double meanX = map.nodes().stream().mapToDouble(FlowNode::x).average().orElseThrow();
        double meanY = map.nodes().stream().mapToDouble(FlowNode::y).average().orElseThrow();
        assertTrue(Math.hypot(hub.x() - meanX, hub.y() - meanY) < FlowLayout.EDGE_LENGTH, "the hub is central");
        assertEquals("lone-b", map.node("lone-b").orElseThrow().organisation().name(false),
                "an organisation the list does not hold is named by its code");
        // Readable: not a hairball squeezed into a corner, nor a sprawl.
        assertTrue(map.width() < 2400 && map.height() < 2400, map.width() + "×" + map.height());
    }

    @Test
    void theSameRegisterLaysOutTheSameWay() {
        assertEquals(DataFlows.build(FlowFilter.current(), register(), names(), SCHEME),
                DataFlows.build(FlowFilter.current(), register(), names(), SCHEME));
    }

    @Test
    void parallelAgreementsBowApartAndEdgesEndOnTheCircles() {
        FlowMap map = DataFlows.build(FlowFilter.current(), register(), names(), SCHEME);
        List<FlowEdge> pair = map.edges().stream().filter(e -> (e.from() + e.to()).equals("huborg-1")
                || (e.from() + e.to()).equals("org-1hub")).toList();
        assertEquals(3, pair.size(), "org-1 → hub, hub → org-1 and org-1 → hub again");
        for (int i = 0; i < pair.size(); i++) {
            for (int j = i + 1; j < pair.size(); j++) {
                double dx = pair.get(i).path().midX() - pair.get(j).path().midX();
                double dy = pair.get(i).path().midY() - pair.get(j).path().midY();
                assertTrue(Math.hypot(dx, dy) >= DataFlows.PARALLEL_SPACING - 1, "apart: " + pair);
            }
        }
        List<FlowEdge> lone = map.edges().stream().filter(e -> e.from().equals("lone-a")).toList();
        assertEquals(2, lone.size());
        assertFalse(lone.get(0).path().equals(lone.get(1).path()));
        for (FlowEdge e : map.edges()) {
            FlowNode from = map.node(e.from()).orElseThrow();
            FlowNode to = map.node(e.to()).orElseThrow();
            assertEquals(from.radius() + 1, Math.hypot(e.path().startX() - from.x(), e.path().startY() - from.y()),
                    0.2, e.toString());
            assertEquals(to.radius() + 2, Math.hypot(e.path().endX() - to.x(), e.path().endY() - to.y()), 0.2,
                    e.toString());
        }
        assertEquals(null, map.edges().stream().filter(e -> e.reference().equals("DSA-030")).findFirst()
                .orElseThrow().level(), "no level recorded");
    }

    @Test
    void namesWrapToShortLines() {
        List<String> lines = FlowLabel.lines("Pearl River Estuary Regional Weather Data Centre");
        assertTrue(lines.size() > 1 && lines.size() <= FlowLabel.MAX_LINES, lines.toString());
        assertTrue(lines.stream().allMatch(l -> FlowLabel.width(l) <= FlowLabel.MAX_WIDTH), lines.toString());
        assertEquals("Pearl River Estuary Regional Weather Data Centre", String.join(" ", lines));
        List<String> chinese = FlowLabel.lines("深圳市鴻雲客戶服務有限公司廣州江濱跨境衞生信息中心");
        assertTrue(chinese.stream().allMatch(l -> FlowLabel.width(l) <= FlowLabel.MAX_WIDTH), chinese.toString());
        assertEquals(List.of("Department of Health"), FlowLabel.lines("Department of Health"));
        List<String> long_ = FlowLabel.lines("a ".repeat(200));
        assertEquals(FlowLabel.MAX_LINES, long_.size());
        assertTrue(long_.get(FlowLabel.MAX_LINES - 1).endsWith("…"));
    }
}
