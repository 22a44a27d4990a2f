package org.custodian.model.workbench;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * A file name the workbench makes rather than the user types — the name a save dialog offers, a backup's label,
 * the kept copy of an attachment or of evidence named after a file that may come from another department's
 * export — made into one plain name that every system the workbench runs on accepts as it is: never a path.
 * The one place that knows what a name must not hold; every such name goes through it.
 */
public final class SafeFileName {

    /**
     * The longest name in UTF-8 bytes. File systems allow 255 bytes (85 Chinese characters); the workbench puts up
     * to about 60 bytes of its own around a name (an id in front, a time stamp, {@code .part} behind).
     */
    public static final int MAX_BYTES = 150;

    /** An extension longer than this is taken for part of the name when a long name is shortened. */
    private static final int MAX_EXTENSION = 16;

    /** Names Windows gives to devices, with any extension: {@code CON.txt} opens the console, not a file. */
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³");

    private SafeFileName() {
    }

    /**
     * {@code wanted} as a safe name: path separators, the characters Windows refuses ({@code : * ? " < > |}),
     * control and invisible formatting characters (NUL, line breaks, the right-to-left override that disguises an
     * extension) become {@code _}; leading and trailing dots and spaces go (no {@code ..}, no hidden file, nothing
     * Windows would drop); a device name gets a {@code _} in front; a long name is shortened to
     * {@link #MAX_BYTES}, keeping its extension. Letters of any script stay as they are.
     *
     * @param fallback the name to use when nothing of {@code wanted} is left; itself a safe name
     */
    public static String of(String wanted, String fallback) {
        String name = wanted == null ? "" : Normalizer.normalize(wanted, Normalizer.Form.NFC);
        name = name.replaceAll("[/\\\\:*?\"<>|\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]", "_");
        name = shortened(trimmed(name));
        if (name.isEmpty() || name.startsWith(".")) {
            return fallback;
        }
        int dot = name.indexOf('.');
        String device = (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
        return DEVICES.contains(device) ? "_" + name : name;
    }

    private static String trimmed(String name) {
        return name.replaceAll("^[\\s.]+|[\\s.]+$", "");
    }

    /** At most {@link #MAX_BYTES}: the start of the name and its extension, cut between characters. */
    private static String shortened(String name) {
        if (bytes(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int budget = MAX_BYTES - bytes(extension);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return trimmed(kept.toString()) + extension;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
