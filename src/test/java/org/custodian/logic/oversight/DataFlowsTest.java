package org.custodian.logic.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.inventory.PersonalData;
import org.custodian.model.oversight.FlowEdge;
import org.custodian.model.oversight.FlowFilter;
import org.custodian.model.oversight.FlowMap;
import org.custodian.model.oversight.FlowNode;
import org.custodian.model.sharing.AgreementStatus;
import org.custodian.model.sharing.AgreementType;
import org.custodian.model.sharing.SharingAgreement;
import org.custodian.model.workbench.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-flow map of the sample department: who gives data to whom, marked and coloured, laid out readably. */
class DataFlowsTest {

    @TempDir
    static Path dir;
    static WorkbenchSession session;
    static FlowMap current;

    @BeforeAll
    static void load() {
        session = WorkbenchSession.open(dir.resolve("sample.db"), Access.READ_WRITE, "tester", true);
        session.sample().load();
        current = session.dataFlows().map(FlowFilter.current());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static List<FlowEdge> edges(FlowMap map, String reference) {
        return map.edges().stream().filter(e -> e.reference().equals(reference)).toList();
    }

    private static FlowEdge edge(FlowMap map, String reference, String from, String to) {
        return edges(map, reference).stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError(reference + " " + from + " → " + to + " in " + edges(map,
                        reference)));
    }

    @Test
    void theSampleDepartmentIsAboutThirtyOrganisationsAroundTheDigitalPolicyOffice() {
        assertTrue(current.nodes().size() >= 25 && current.nodes().size() <= 35, "" + current.nodes().size());
        FlowNode department = current.nodes().stream().filter(FlowNode::department).findFirst().orElseThrow();
        assertEquals("hk-dpo", department.code());
        assertEquals(1, current.nodes().stream().filter(FlowNode::department).count());
        assertTrue(current.nodes().stream().allMatch(n -> n.agreements() <= department.agreements()));
        assertEquals("Digital Policy Office", department.organisation().nameEn());
        assertEquals("數字政策辦公室", department.organisation().nameTc());
    }

    @Test
    void edgesRunFromProviderToRecipientAndProcessorsReceive() {
        edge(current, "DSA-2020-002", "hk-fsd", "hospital");
        // A consented exchange through the gateway: the provider gives to the processor and to the recipient.
        edge(current, "DSA-2024-012", "hk-ird", "hk-dpo");
        edge(current, "DSA-2024-012", "hk-ird", "ext-harbour-bank");
        assertEquals(2, edges(current, "DSA-2024-012").size(), "no edge between processor and recipient");
        assertFalse(edge(current, "DSA-2020-002", "hk-fsd", "hospital").mutual());
    }

    @Test
    void jointControllersShareOneEdgeBothWays() {
        List<FlowEdge> joint = edges(current, "DSA-2022-017");
        assertEquals(1, joint.size(), joint.toString());
        assertTrue(joint.get(0).mutual());
        assertEquals(Set.of("hk-bd", "hk-landsd"), Set.of(joint.get(0).from(), joint.get(0).to()));
    }

    @Test
    void personalDataAndCrossBoundaryMarksFollowTheAgreements() {
        FlowEdge macao = edge(current, "DSA-2023-018", "hk-immd", "ext-mo-clearance-office");
        assertTrue(macao.agreement().crossBoundary());
        assertTrue(macao.agreement().personalData());
        FlowEdge ambulance = edge(current, "DSA-2020-002", "hk-fsd", "hospital");
        assertFalse(ambulance.agreement().crossBoundary());
        assertTrue(ambulance.agreement().personalData());
        FlowEdge weather = edge(current, "DSA-2019-010", "hk-hko", "hk-dpo");
        assertFalse(weather.agreement().personalData(), "open data: no categories, no personal datasets");
        assertFalse(weather.agreement().crossBoundary());
        // Every edge agrees with the register: categories named or a covered dataset with personal data.
        for (FlowEdge e : current.edges()) {
            SharingAgreement a = session.sharing().find(e.agreement().id()).orElseThrow();
            boolean personal = !a.personalDataCategories().isEmpty() || a.datasets().stream().anyMatch(d -> session
                    .inventory().findByCode(d.datasetCode()).map(x -> x.personalData() == PersonalData.YES)
                    .orElse(false));
            assertEquals(personal, e.agreement().personalData(), e.reference());
            assertEquals(a.crossBoundary(), e.agreement().crossBoundary(), e.reference());
        }
    }

    @Test
    void theLevelIsTheHighestOfTheCoveredDatasetsElseTheCeiling() {
        for (FlowEdge e : current.edges()) {
            SharingAgreement a = session.sharing().find(e.agreement().id()).orElseThrow();
            ClassificationLevel highest = a.datasets().stream()
                    .map(d -> session.inventory().findByCode(d.datasetCode()).map(Dataset::classification).orElse(null))
                    .filter(Objects::nonNull)
                    .map(code -> session.classification().scheme().level(code).orElseThrow())
                    .max(Comparator.comparingInt(ClassificationLevel::rank))
                    .orElseGet(() -> a.classificationCeiling() == null ? null
                            : session.classification().scheme().level(a.classificationCeiling()).orElseThrow());
            assertEquals(highest == null ? null : highest.code(), e.level() == null ? null : e.level().code(),
                    e.reference());
        }
        assertTrue(current.edges().stream().map(FlowEdge::level).filter(Objects::nonNull)
                .map(ClassificationLevel::code).collect(Collectors.toSet()).size() >= 3, "several levels shown");
        assertNotNull(edge(current, "DSA-2023-002", "hk-emsd", "hk-sb").level());
    }

    @Test
    void theDefaultLeavesOutEndedAgreementsAndFiltersNarrowIt() {
        assertTrue(edges(current, "DSA-2018-003").isEmpty(), "expired");
        assertTrue(edges(current, "DSA-2022-019").isEmpty(), "terminated");
        FlowMap all = session.dataFlows().map(FlowFilter.everything());
        assertEquals(session.sharing().total(), all.agreementCount());
        assertFalse(edges(all, "DSA-2018-003").isEmpty());

        FlowMap crossBoundary = session.dataFlows().map(new FlowFilter(EnumSet.of(
                AgreementType.CROSS_BOUNDARY_TRANSFER), EnumSet.allOf(AgreementStatus.class)));
        assertFalse(crossBoundary.isEmpty());
        assertTrue(crossBoundary.edges().stream()
                .allMatch(e -> e.agreement().type() == AgreementType.CROSS_BOUNDARY_TRANSFER));
        Set<String> onEdges = crossBoundary.edges().stream().flatMap(e -> java.util.stream.Stream.of(e.from(), e.to()))
                .collect(Collectors.toSet());
        assertEquals(onEdges, crossBoundary.nodes().stream().map(FlowNode::code).collect(Collectors.toSet()),
                "only the organisations of the chosen agreements");

        FlowMap drafts = session.dataFlows().map(new FlowFilter(EnumSet.allOf(AgreementType.class),
                EnumSet.of(AgreementStatus.DRAFT)));
        assertTrue(drafts.edges().stream().allMatch(e -> e.agreement().status() == AgreementStatus.DRAFT));
        assertEquals(Set.of("DSA-2026-014", "DSA-2026-016"), drafts.edges().stream().map(FlowEdge::reference)
                .collect(Collectors.toSet()));

        FlowMap none = session.dataFlows().map(new FlowFilter(EnumSet.noneOf(AgreementType.class),
                EnumSet.allOf(AgreementStatus.class)));
        assertTrue(none.isEmpty());
        assertTrue(none.nodes().isEmpty());
    }

    @Test
    void theLayoutHasNoOverlapsAndIsTheSameEveryTime() {
        for (FlowMap map : List.of(current, session.dataFlows().map(FlowFilter.everything()))) {
            FlowLayoutTest.assertNoOverlaps(map);
            assertEquals(map, session.dataFlows().map(map.filter()), "deterministic");
        }
        FlowNode department = current.nodes().stream().filter(FlowNode::department).findFirst().orElseThrow();
        assertTrue(Math.abs(department.x() - current.width() / 2) < current.width() / 4
                && Math.abs(department.y() - current.height() / 2) < current.height() / 4, "the department sits"
                + " near the middle: " + department + " in " + current.width() + "×" + current.height());
    }

    private static org.w3c.dom.Document parse(Path svg) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(svg.toFile());
    }

    private static List<org.w3c.dom.Element> elements(org.w3c.dom.Document doc, String name) {
        org.w3c.dom.NodeList list = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<org.w3c.dom.Element> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((org.w3c.dom.Element) list.item(i));
        }
        return out;
    }

    @Test
    void theSvgIsWellFormedWithEveryAgreementAsAnEdgeAndALegend() throws Exception {
        FlowMap all = session.dataFlows().map(FlowFilter.everything());
        // Kept in target/ so a person can look at it after the run.
        Path folder = java.nio.file.Files.createDirectories(Path.of("target", "flow-maps"));
        Path english = folder.resolve("sample-department.svg");
        session.dataFlows().writeSvg(all, org.custodian.model.report.ReportLanguage.EN, english);
        org.w3c.dom.Document doc = parse(english);
        org.w3c.dom.Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("1.1", root.getAttribute("version"));
        assertTrue(Double.parseDouble(root.getAttribute("width")) > 600);
        List<org.w3c.dom.Element> edges = elements(doc, "g").stream().filter(g -> g.getAttribute("class").equals("edge"))
                .toList();
        assertEquals(all.edges().size(), edges.size());
        Set<String> titled = edges.stream().map(g -> g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
                .item(0).getTextContent().split(" ")[0]).collect(Collectors.toSet());
        Set<String> references = session.sharing().page(org.custodian.model.sharing.AgreementQuery.all(
                session.sharing().today())).stream().map(SharingAgreement::reference).collect(Collectors.toSet());
        assertEquals(references, titled, "every agreement of the register is an edge");
        for (org.w3c.dom.Element g : edges) {
            assertEquals(1, g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength());
            assertTrue(g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polygon").getLength() >= 1,
                    "an arrowhead");
        }
        long dashed = elements(doc, "path").stream().filter(p -> p.hasAttribute("stroke-dasharray")).count();
        assertEquals(all.edges().stream().filter(e -> e.agreement().personalData()).count(), dashed);
        Set<String> colours = elements(doc, "path").stream().map(p -> p.getAttribute("stroke"))
                .collect(Collectors.toSet());
        assertTrue(colours.contains(session.classification().scheme().level("CONFIDENTIAL").orElseThrow().colour()
                .toLowerCase(java.util.Locale.ROOT)), colours.toString());
        org.w3c.dom.Element legend = doc.getElementById("legend") != null ? doc.getElementById("legend")
                : elements(doc, "g").stream().filter(g -> g.getAttribute("id").equals("legend")).findFirst()
                .orElseThrow();
        String legendText = legend.getTextContent();
        for (String expected : List.of("Data-flow map", "Highest level shared", "Personal data", "Cross-boundary",
                "Provider → recipient", "CONFIDENTIAL", "SECRET")) {
            assertTrue(legendText.contains(expected), expected + " in " + legendText);
        }
        String nodes = elements(doc, "g").stream().filter(g -> g.getAttribute("class").equals("node"))
                .map(org.w3c.dom.Element::getTextContent).collect(Collectors.joining("|"));
        assertTrue(nodes.contains("Digital Policy Office"), nodes);

        Path chinese = folder.resolve("sample-department-zh.svg");
        session.dataFlows().writeSvg(all, org.custodian.model.report.ReportLanguage.ZH, chinese);
        String zh = parse(chinese).getDocumentElement().getTextContent();
        assertTrue(zh.contains("數字政策辦公室") && zh.contains("資料流向圖") && zh.contains("跨境"), "UTF-8 Chinese");
        assertTrue(java.nio.file.Files.readString(chinese, java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assertFalse(java.nio.file.Files.exists(chinese.resolveSibling(chinese.getFileName() + ".part")));
    }
}
