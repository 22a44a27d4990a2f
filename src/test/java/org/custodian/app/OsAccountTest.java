package org.custodian.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OsAccountTest {

    /** Child process: prints the account Custodian would write into audit events. */
    public static final class PrintAccount {
        public static void main(String[] args) {
            System.out.println(OsAccount.current());
        }
    }

    @Test
    void theActorIsTheOsAccountEvenWhenUserNameIsSpoofed() throws Exception {
        Process id = new ProcessBuilder("id", "-un").start();
        String real = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        id.waitFor(10, TimeUnit.SECONDS);

        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.name=mallory", "-cp", System.getProperty("java.class.path"), PrintAccount.class.getName()))
                .start();
        String reported = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        child.waitFor(20, TimeUnit.SECONDS);
        assertEquals(real, reported);
        assertNotEquals("mallory", reported);
    }

    @Test
    void theLauncherOpensTheWindowOnlyWithoutACommand() {
        assertEquals(true, Launcher.opensWindow(List.of()));
        assertEquals(true, Launcher.opensWindow(List.of("--db", "x.db")));
        assertEquals(true, Launcher.opensWindow(List.of("--db=x.db")));
        assertEquals(false, Launcher.opensWindow(List.of("audit", "head")));
        assertEquals(false, Launcher.opensWindow(List.of("--db", "x.db", "audit", "head")));
        assertEquals(false, Launcher.opensWindow(List.of("--help")));
    }
}
