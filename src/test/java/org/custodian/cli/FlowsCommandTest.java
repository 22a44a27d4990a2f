package org.custodian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flows export}: the data-flow map as SVG, narrowed by type and status; a wrong filter is a usage error. */
class FlowsCommandTest {

    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void loadSample() {
        db = dir.resolve("w.db");
        assertEquals(0, CliRun.of(dir, "--db", db.toString(), "sample", "load").exit());
    }

    @Test
    void theMapIsWrittenAsSvg() throws Exception {
        Path out = dir.resolve("flows.svg");
        CliRun run = CliRun.of(dir, "--db", db.toString(), "flows", "export", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("Wrote the data-flow map to " + out), run.err());
        String svg = Files.readString(out, StandardCharsets.UTF_8);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        assertTrue(svg.contains("DSA-2023-002") && svg.contains("Digital Policy Office"));
        assertFalse(svg.contains("DSA-2018-003"), "expired agreements are left out by default");
    }

    @Test
    void typesAndStatusesNarrowItAndChineseWorks() throws Exception {
        Path out = dir.resolve("cross-boundary.svg");
        CliRun run = CliRun.of(dir, "--db", db.toString(), "flows", "export", out.toString(), "--type",
                "cross-boundary-transfer", "--status", "active", "--status", "expired", "--language", "zh");
        assertEquals(0, run.exit(), run.err());
        String svg = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(svg.contains("DSA-2023-018") && svg.contains("資料流向圖"), svg.substring(0, 400));
        assertFalse(svg.contains("DSA-2026-012"), "under negotiation is not chosen");
        assertFalse(svg.contains("DSA-2020-002"), "another type");
    }

    @Test
    void aWrongTypeOrStatusIsAUsageError() {
        Path out = dir.resolve("never.svg");
        CliRun type = CliRun.of(dir, "--db", db.toString(), "flows", "export", out.toString(), "--type", "gossip");
        assertEquals(2, type.exit());
        assertTrue(type.err().contains("Unknown type 'gossip'"), type.err());
        CliRun status = CliRun.of(dir, "--db", db.toString(), "flows", "export", out.toString(), "--status",
                "forgotten");
        assertEquals(2, status.exit());
        assertTrue(status.err().contains("Unknown status 'forgotten': use draft, under-negotiation"), status.err());
        assertFalse(Files.exists(out));
    }
}
