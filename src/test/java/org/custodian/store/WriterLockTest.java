package org.custodian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.custodian.model.workbench.Access;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.model.workbench.WorkbenchAccessException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedWithTheHolderNamedWhileReadersStillWork() throws Exception {
        Path file = TestFiles.withOrganisations(dir.resolve("shared.db"), 5);
        Process holder = TestFiles.startJava(HoldWorkbench.class, file.toString(), "alice.chan");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertNotNull(ready, "the holder started");
            assertTrue(ready.startsWith("READY"), ready);

            var e = assertThrows(WorkbenchAccessException.class, () -> TestFiles.create(file));
            assertEquals(Reason.LOCKED, e.reason());
            assertEquals(holder.pid(), e.holder().pid());
            assertEquals("alice.chan", e.holder().user());
            assertTrue(e.getMessage().contains("alice.chan") && e.getMessage().contains(Long.toString(holder.pid())),
                    e.getMessage());

            try (Database reader = Database.open(file, Access.READ_ONLY, "bob", false)) {
                assertEquals(5, reader.auditEventCount(), "read-only work goes on while another instance writes");
                assertTrue(reader.verifyAuditChain(null, null).isIntact());
            }
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Database db = TestFiles.create(file)) {
            assertEquals(5, db.auditEventCount(), "the lock died with its process");
        }
    }

    @Test
    void aSecondWriterInTheSameProcessIsRefusedWithoutLoosingTheFirstLock() throws Exception {
        Path file = dir.resolve("w.db");
        Path link = dir.resolve("another-name.db");
        try (Database first = TestFiles.create(file)) {
            var e = assertThrows(WorkbenchAccessException.class, () -> TestFiles.create(file));
            assertEquals(Reason.LOCKED, e.reason());
            java.nio.file.Files.createSymbolicLink(link, file);
            assertEquals(Reason.LOCKED, assertThrows(WorkbenchAccessException.class,
                    () -> TestFiles.create(link)).reason(), "another name of the same file shares its lock");
            // On POSIX, a careless second attempt would close a handle and drop our lock: another process must
            // still be refused.
            Process other = TestFiles.startJava(HoldWorkbench.class, file.toString(), "intruder");
            try {
                String said = new String(other.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(other.waitFor(30, TimeUnit.SECONDS));
                assertTrue(!said.startsWith("READY"), "the other process got the lock: " + said);
                assertTrue(other.exitValue() != 0);
            } finally {
                other.destroyForcibly();
            }
        }
        try (Database again = TestFiles.create(file)) {
            assertEquals(SchemaMigrations.latestKnownVersion(), again.schemaVersion(), "closing releases the lock");
        }
    }
}
