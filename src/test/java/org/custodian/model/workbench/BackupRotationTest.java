package org.custodian.model.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupRotationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Hong_Kong");
    // A Wednesday noon in Hong Kong.
    private static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    @Test
    void keepsTheNewestTenAndTheNewestOfEachOfEightWeeks() {
        // Four backups a day for 90 days, newest first.
        List<BackupRotation.Taken<Integer>> taken = new ArrayList<>();
        for (int i = 0; i < 360; i++) {
            taken.add(new BackupRotation.Taken<>(i, NOW.minus(Duration.ofHours(6L * i))));
        }
        List<Integer> deleted = BackupRotation.DEFAULT.toDelete(taken, NOW, ZONE);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < 360; i++) {
            if (!deleted.contains(i)) {
                kept.add(i);
            }
        }
        // The newest ten (2.5 days, all in this week), then the newest of each of the 7 earlier weeks.
        assertEquals(17, kept.size(), kept.toString());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), kept.subList(0, 10));
        Instant oldestKept = taken.get(kept.get(kept.size() - 1)).at();
        assertEquals(true, oldestKept.isAfter(NOW.minus(Duration.ofDays(8 * 7))), oldestKept.toString());
    }

    @Test
    void withoutWeeksOnlyTheNewestAreKept() {
        List<BackupRotation.Taken<String>> taken = List.of(
                new BackupRotation.Taken<>("a", NOW), new BackupRotation.Taken<>("b", NOW.minusSeconds(60)),
                new BackupRotation.Taken<>("c", NOW.minusSeconds(120)));
        assertEquals(List.of("c"), new BackupRotation(2, 0).toDelete(taken, NOW, ZONE));
    }

    @Test
    void refusesImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> new BackupRotation(0, 8));
        assertThrows(IllegalArgumentException.class, () -> new BackupRotation(10, -1));
    }

    @Test
    void onlyRoutineKindsRotate() {
        assertEquals(true, BackupRotation.isRoutine("before-import"));
        assertEquals(false, BackupRotation.isRoutine("before-restore"));
        assertEquals(false, BackupRotation.isRoutine("before-migration-v5"));
        assertEquals(false, BackupRotation.isRoutine("manual"));
    }
}
