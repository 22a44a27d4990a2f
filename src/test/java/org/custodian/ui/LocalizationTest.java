package org.custodian.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodian.model.workbench.WorkbenchAccessException;
import org.custodian.ui.common.I18n;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** English and Traditional Chinese bundles hold the same keys, and the code uses exactly those keys. */
class LocalizationTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/custodian/i18n");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_]+)+\\.?)\"");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(db|csv|png|css|properties|log|json|sql|yaml|yml)$");

    static Properties english;
    static Properties chinese;
    static Set<String> literals;

    @BeforeAll
    static void load() throws IOException {
        english = read(BUNDLES.resolve("messages.properties"));
        chinese = read(BUNDLES.resolve("messages_zh_TW.properties"));
        Set<String> groups = english.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toSet());
        literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    String lit = m.group(1);
                    if (groups.contains(lit.substring(0, lit.indexOf('.'))) && !FILE_NAME.matcher(lit).matches()) {
                        literals.add(lit);
                    }
                }
            }
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(chinese.stringPropertyNames());
        Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), onlyEnglish, "missing in messages_zh_TW.properties");
        assertEquals(Set.of(), onlyChinese, "missing in messages.properties");
    }

    @Test
    void noTextIsBlankAndChineseIsTranslated() {
        for (String key : english.stringPropertyNames()) {
            assertTrue(!english.getProperty(key).isBlank(), key);
            assertTrue(!chinese.getProperty(key).isBlank(), key);
        }
        long same = english.stringPropertyNames().stream()
                .filter(k -> english.getProperty(k).equals(chinese.getProperty(k))).count();
        assertTrue(same <= 2, "texts left in English in the Chinese bundle: " + same);
    }

    @Test
    void everyKeyTheCodeNamesExists() {
        for (String literal : literals) {
            if (literal.endsWith(".")) {
                assertTrue(english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(literal)),
                        "no key starts with " + literal);
            } else {
                assertTrue(english.containsKey(literal), "missing key " + literal);
            }
        }
        for (WorkbenchAccessException.Reason reason : WorkbenchAccessException.Reason.values()) {
            assertTrue(english.containsKey("open.reason." + reason.name()), "open.reason." + reason.name());
        }
        for (String action : new String[] {"create", "update", "restore"}) {
            assertTrue(english.containsKey("audit.action." + action), action);
        }
    }

    @Test
    void everySharingChoiceAndFieldHasALabel() {
        List<Class<? extends org.custodian.model.inventory.CodedValue>> choices = List.of(
                org.custodian.model.sharing.AgreementType.class, org.custodian.model.sharing.AgreementStatus.class,
                org.custodian.model.sharing.PartyRole.class, org.custodian.model.sharing.LegalBasis.class,
                org.custodian.model.sharing.TransferMechanism.class, org.custodian.model.sharing.DueKind.class,
                org.custodian.model.sharing.AttachmentState.class);
        for (Class<? extends org.custodian.model.inventory.CodedValue> type : choices) {
            for (org.custodian.model.inventory.CodedValue v : type.getEnumConstants()) {
                assertTrue(english.containsKey(v.labelKey()), "missing key " + v.labelKey());
            }
        }
        for (org.custodian.model.sharing.AgreementColumn c : org.custodian.model.sharing.AgreementColumn.values()) {
            assertTrue(english.containsKey(c.labelKey()), "missing key " + c.labelKey());
        }
    }

    @Test
    void everyKeyIsUsed() {
        Set<String> prefixes = literals.stream().filter(l -> l.endsWith(".")).collect(Collectors.toSet());
        Set<String> unused = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (!literals.contains(key) && prefixes.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        assertEquals(Set.of(), unused);
    }

    @Test
    void argumentsFormatInBothLanguages() {
        for (I18n i18n : new I18n[] {new I18n(I18n.ENGLISH), new I18n(I18n.TRADITIONAL_CHINESE)}) {
            for (String key : english.stringPropertyNames()) {
                String text = i18n.tr(key, "A", "B", "C", "D");
                assertTrue(!text.contains("{0}") && !text.startsWith("!"), key + " → " + text);
            }
        }
        assertEquals("100,000 datasets · 118 organisations · 20 categories · 38 formats",
                new I18n(I18n.ENGLISH).tr("status.counts", 100_000L, 118, 20, 38));
        assertEquals("100,000 個數據集 · 118 個機構 · 20 個類別 · 38 種格式",
                new I18n(I18n.TRADITIONAL_CHINESE).tr("status.counts", 100_000L, 118, 20, 38));
    }
}
