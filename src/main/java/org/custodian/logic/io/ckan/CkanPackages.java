package org.custodian.logic.io.ckan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.logic.io.SourceRow;
import org.custodian.logic.io.InputRejectedException;
import org.custodian.logic.io.json.JsonInput;
import org.custodian.model.inventory.DatasetColumn;
import org.custodian.model.inventory.UpdateFrequency;

/**
 * Reads a saved CKAN Action API response as the public sector portal serves it — {@code package_search}
 * ({@code result.results}), {@code package_show} ({@code result}) or a bare array of packages — into dataset
 * rows: name → code, organisation → department, groups → category, tags → keywords, resource formats →
 * formats, notes → description; translated titles and notes ({@code *_translated}) give the Chinese text.
 */
public final class CkanPackages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> CHINESE_KEYS = List.of("zh_HK", "zh-hk", "zh_hk", "zh-HK", "zh_TW", "zh-tw",
            "zh-Hant", "zh_Hant", "tc", "zh");

    private CkanPackages() {
    }

    public static List<SourceRow> read(String sourceName, InputStream in) {
        JsonNode root = JsonInput.tree(sourceName, in);
        if (root.has("success") && !root.path("success").asBoolean(true)) {
            String error = root.path("error").toString();
            throw new InputRejectedException(sourceName + " holds a failed CKAN response: "
                    + (error.length() > 200 ? error.substring(0, 200) + "…" : error));
        }
        JsonNode packages = packages(root);
        if (packages == null) {
            throw new InputRejectedException(sourceName + " is not a CKAN response: expected package_search"
                    + " (result.results), package_show (result) or an array of packages.");
        }
        List<SourceRow> rows = new ArrayList<>();
        long i = 0;
        for (JsonNode p : packages) {
            i++;
            rows.add(row(sourceName, i, p));
        }
        return rows;
    }

    private static JsonNode packages(JsonNode root) {
        if (root == null) {
            return null;
        }
        if (root.isArray()) {
            return root;
        }
        JsonNode result = root.get("result");
        if (result == null) {
            return root.has("name") ? MAPPER.createArrayNode().add(root) : null;
        }
        if (result.has("results") && result.get("results").isArray()) {
            return result.get("results");
        }
        if (result.isObject() && result.has("name")) {
            return MAPPER.createArrayNode().add(result);
        }
        if (result.isArray()) {
            return result;
        }
        return null;
    }

    private static SourceRow row(String sourceName, long index, JsonNode p) {
        Map<DatasetColumn, String> f = new EnumMap<>(DatasetColumn.class);
        f.put(DatasetColumn.CODE, text(p, "name"));
        f.put(DatasetColumn.TITLE_EN, firstNonBlank(translated(p.get("title_translated"), List.of("en")),
                text(p, "title")));
        f.put(DatasetColumn.TITLE_TC, translated(p.get("title_translated"), CHINESE_KEYS));
        f.put(DatasetColumn.DESCRIPTION_EN, firstNonBlank(translated(p.get("notes_translated"), List.of("en")),
                text(p, "notes")));
        f.put(DatasetColumn.DESCRIPTION_TC, translated(p.get("notes_translated"), CHINESE_KEYS));
        JsonNode org = p.get("organization");
        // owner_org alone is a CKAN-internal id, not a department anyone would recognise.
        f.put(DatasetColumn.DEPARTMENT, org == null || org.isNull() ? null
                : firstNonBlank(text(org, "name"), text(org, "title")));
        JsonNode groups = p.get("groups");
        if (groups != null && groups.isArray() && !groups.isEmpty()) {
            f.put(DatasetColumn.CATEGORY, firstNonBlank(text(groups.get(0), "name"), text(groups.get(0), "title")));
        }
        f.put(DatasetColumn.KEYWORDS, joined(p.get("tags"), "name"));
        List<String> formats = new ArrayList<>();
        JsonNode resources = p.get("resources");
        if (resources != null && resources.isArray()) {
            for (JsonNode r : resources) {
                String format = text(r, "format");
                if (format != null) {
                    String upper = format.toUpperCase(Locale.ROOT).replace(";", " ");
                    if (!formats.contains(upper)) {
                        formats.add(upper);
                    }
                }
            }
        }
        f.put(DatasetColumn.FORMATS, formats.isEmpty() ? null : String.join(";", formats));
        f.put(DatasetColumn.CUSTODIAN, firstNonBlank(text(p, "maintainer"), text(p, "author")));
        f.put(DatasetColumn.CONTACT_EMAIL, firstNonBlank(text(p, "maintainer_email"), text(p, "author_email")));
        UpdateFrequency frequency = UpdateFrequency.parseLenient(extra(p, "update_frequency", "frequency",
                "accrual_periodicity", "update frequency"));
        f.put(DatasetColumn.UPDATE_FREQUENCY, frequency == null ? null : frequency.code());
        String url = text(p, "url");
        f.put(DatasetColumn.LANDING_PAGE, url != null && url.matches("(?i)https?://\\S+") ? url : null);
        String modified = firstNonBlank(text(p, "metadata_modified"), text(p, "metadata_created"));
        f.put(DatasetColumn.LAST_UPDATED, modified != null && modified.length() >= 10 ? modified.substring(0, 10)
                : null);
        Map<String, String> original = new LinkedHashMap<>();
        f.forEach((c, v) -> original.put(c.header(), v));
        SourceRow row = SourceRow.of(index, f, original);
        if (f.get(DatasetColumn.DEPARTMENT) == null) {
            row = row.withProblem(new org.custodian.logic.io.RowProblem(sourceName, index, "organization",
                    "package " + f.get(DatasetColumn.CODE) + " has no organization, so its department is unknown"));
        }
        return row;
    }

    private static String translated(JsonNode node, List<String> keys) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String k : keys) {
            String v = text(node, k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String extra(JsonNode p, String... keys) {
        for (String k : keys) {
            String direct = text(p, k);
            if (direct != null) {
                return direct;
            }
        }
        JsonNode extras = p.get("extras");
        if (extras != null && extras.isArray()) {
            for (JsonNode e : extras) {
                String key = text(e, "key");
                for (String k : keys) {
                    if (k.equalsIgnoreCase(key)) {
                        return text(e, "value");
                    }
                }
            }
        }
        return null;
    }

    private static String joined(JsonNode array, String field) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode n : array) {
            String v = n.isTextual() ? n.asText() : firstNonBlank(text(n, "display_name"), text(n, field));
            if (v != null && !v.isBlank()) {
                items.add(v.replace(";", ","));
            }
        }
        return items.isEmpty() ? null : String.join(";", items);
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null ? a : b;
    }
}
