package org.custodian.logic.io.dcat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.custodian.model.inventory.Dataset;
import org.custodian.model.reference.ReferenceEntry;
import org.custodian.model.reference.ReferenceList;

/**
 * Writes a DCAT catalogue in JSON-LD: a {@code dcat:Dataset} per record with titles and descriptions tagged
 * {@code en} and {@code zh-Hant-HK}, keywords, theme, publisher, contact point, access rights, frequency,
 * modified date, landing page and one distribution per format. Internal fields (classification, retention,
 * personal data and the like) are written only when asked, under the department's own namespace
 * ({@code dept:}), never under a public vocabulary.
 */
public final class DcatCatalog implements AutoCloseable {

    public static final String DEFAULT_NAMESPACE = "urn:x-custodian:internal#";
    private static final String ACCESS_RIGHT = "http://publications.europa.eu/resource/authority/access-right/";
    private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

    private final JsonGenerator out;
    private final boolean internal;
    private final BiFunction<ReferenceList, String, Optional<ReferenceEntry>> names;
    private final java.util.function.Predicate<Dataset> unclassified;

    /**
     * @param internal whether to add the internal fields (the {@code --all} export)
     * @param names finds a reference entry's names by list and code
     * @param unclassified whether a dataset's level allows open data
     */
    public DcatCatalog(OutputStream stream, String title, String namespace, boolean internal,
                       BiFunction<ReferenceList, String, Optional<ReferenceEntry>> names,
                       java.util.function.Predicate<Dataset> unclassified) throws IOException {
        this.out = new JsonFactory().createGenerator(stream);
        this.internal = internal;
        this.names = names;
        this.unclassified = unclassified;
        out.useDefaultPrettyPrinter();
        out.writeStartObject();
        out.writeObjectFieldStart("@context");
        out.writeStringField("dcat", "http://www.w3.org/ns/dcat#");
        out.writeStringField("dct", "http://purl.org/dc/terms/");
        out.writeStringField("foaf", "http://xmlns.com/foaf/0.1/");
        out.writeStringField("vcard", "http://www.w3.org/2006/vcard/ns#");
        out.writeStringField("skos", "http://www.w3.org/2004/02/skos/core#");
        out.writeStringField("xsd", "http://www.w3.org/2001/XMLSchema#");
        if (internal) {
            out.writeStringField("dept", namespace == null ? DEFAULT_NAMESPACE : namespace);
        }
        out.writeEndObject();
        out.writeStringField("@type", "dcat:Catalog");
        out.writeArrayFieldStart("dct:title");
        tagged(title, "en");
        out.writeEndArray();
        out.writeArrayFieldStart("dcat:dataset");
    }

    public void write(Dataset d) throws IOException {
        out.writeStartObject();
        out.writeStringField("@id", "urn:uuid:" + d.id());
        out.writeStringField("@type", "dcat:Dataset");
        out.writeStringField("dct:identifier", d.code());
        languages("dct:title", d.titleEn(), d.titleTc());
        languages("dct:description", d.descriptionEn(), d.descriptionTc());
        if (!d.keywords().isEmpty()) {
            out.writeArrayFieldStart("dcat:keyword");
            for (String k : d.keywords()) {
                tagged(k, k.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                        ? "zh-Hant-HK" : "en");
            }
            out.writeEndArray();
        }
        if (d.category() != null) {
            out.writeObjectFieldStart("dcat:theme");
            out.writeStringField("@id", "urn:x-custodian:category:" + d.category());
            out.writeStringField("@type", "skos:Concept");
            Optional<ReferenceEntry> c = names.apply(ReferenceList.CATEGORY, d.category());
            languages("skos:prefLabel", c.map(ReferenceEntry::nameEn).orElse(d.category()),
                    c.map(ReferenceEntry::nameTc).orElse(null));
            out.writeEndObject();
        }
        out.writeObjectFieldStart("dct:publisher");
        out.writeStringField("@id", "urn:x-custodian:organisation:" + d.department());
        out.writeStringField("@type", "foaf:Organization");
        Optional<ReferenceEntry> org = names.apply(ReferenceList.ORGANISATION, d.department());
        languages("foaf:name", org.map(ReferenceEntry::nameEn).orElse(d.department()),
                org.map(ReferenceEntry::nameTc).orElse(null));
        out.writeEndObject();
        if (d.custodian() != null || d.contactEmail() != null) {
            out.writeObjectFieldStart("dcat:contactPoint");
            out.writeStringField("@type", "vcard:Kind");
            if (d.custodian() != null) {
                out.writeStringField("vcard:fn", d.custodian());
            }
            if (d.contactEmail() != null) {
                idField("vcard:hasEmail", "mailto:" + d.contactEmail());
            }
            out.writeEndObject();
        }
        idField("dct:accessRights", ACCESS_RIGHT + (isPublic(d) ? "PUBLIC" : "NON_PUBLIC"));
        if (d.updateFrequency() != null) {
            idField("dct:accrualPeriodicity", d.updateFrequency().euUri());
        }
        if (d.lastUpdated() != null) {
            out.writeObjectFieldStart("dct:modified");
            out.writeStringField("@value", d.lastUpdated().toString());
            out.writeStringField("@type", "xsd:date");
            out.writeEndObject();
        }
        if (d.landingPage() != null) {
            idField("dcat:landingPage", d.landingPage());
        }
        if (!d.formats().isEmpty()) {
            out.writeArrayFieldStart("dcat:distribution");
            for (String format : d.formats()) {
                out.writeStartObject();
                out.writeStringField("@type", "dcat:Distribution");
                out.writeStringField("dct:title", (d.title() + " (" + format + ")"));
                if (format.matches("[A-Z0-9_]+") && !format.equals("API")) {
                    idField("dct:format", FILE_TYPE + format);
                } else {
                    out.writeStringField("dct:format", format);
                }
                if (d.landingPage() != null) {
                    idField("dcat:accessURL", d.landingPage());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        if (internal) {
            writeInternal(d);
        }
        out.writeEndObject();
    }

    private void writeInternal(Dataset d) throws IOException {
        if (d.classification() != null) {
            out.writeStringField("dept:classification", d.classification());
        }
        out.writeStringField("dept:openDataStatus", d.openDataStatus().code());
        out.writeStringField("dept:lifecycleStatus", d.lifecycleStatus().code());
        out.writeStringField("dept:containsPersonalData", d.personalData().code());
        if (!d.personalDataCategories().isEmpty()) {
            out.writeArrayFieldStart("dept:personalDataCategories");
            for (String c : d.personalDataCategories()) {
                out.writeString(c);
            }
            out.writeEndArray();
        }
        if (d.retention() != null) {
            out.writeStringField("dept:retention", d.retention().code());
        }
        out.writeBooleanField("dept:crossBoundary", d.crossBoundary());
        out.writeStringField("dept:encryptionAtRest", d.encryptionAtRest().code());
        if (d.sourceSystem() != null) {
            out.writeStringField("dept:sourceSystem", d.sourceSystem());
        }
    }

    /** Published and at the scheme's lowest level (UNCLASSIFIED): what the public catalogue may list. */
    public boolean isPublic(Dataset d) {
        return d.openDataStatus() == org.custodian.model.inventory.OpenDataStatus.PUBLISHED && unclassified.test(d);
    }

    private void languages(String field, String en, String tc) throws IOException {
        if (en == null && tc == null) {
            return;
        }
        out.writeArrayFieldStart(field);
        if (en != null) {
            tagged(en, "en");
        }
        if (tc != null) {
            tagged(tc, "zh-Hant-HK");
        }
        out.writeEndArray();
    }

    private void tagged(String value, String language) throws IOException {
        out.writeStartObject();
        out.writeStringField("@value", value);
        out.writeStringField("@language", language);
        out.writeEndObject();
    }

    private void idField(String field, String id) throws IOException {
        out.writeObjectFieldStart(field);
        out.writeStringField("@id", id);
        out.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        out.writeRaw('\n');
        out.close();
    }
}
