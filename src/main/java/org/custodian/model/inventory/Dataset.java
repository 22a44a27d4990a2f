package org.custodian.model.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dataset in the inventory. Department, category, formats and classification are codes of their reference
 * lists. {@code id} and the stamps are null until the record is stored.
 */
public record Dataset(
        UUID id,
        String code,
        String titleEn,
        String titleTc,
        String descriptionEn,
        String descriptionTc,
        String department,
        String custodian,
        String contactEmail,
        String category,
        List<String> keywords,
        List<String> formats,
        UpdateFrequency updateFrequency,
        String sourceSystem,
        PersonalData personalData,
        List<String> personalDataCategories,
        String classification,
        OpenDataStatus openDataStatus,
        Retention retention,
        boolean crossBoundary,
        EncryptionAtRest encryptionAtRest,
        LifecycleStatus lifecycleStatus,
        String landingPage,
        LocalDate lastUpdated,
        Instant createdAt,
        Instant updatedAt) {

    public static final String SEPARATOR = ";";

    public Dataset {
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        formats = List.copyOf(formats == null ? List.of() : formats);
        personalDataCategories = List.copyOf(personalDataCategories == null ? List.of() : personalDataCategories);
        personalData = personalData == null ? PersonalData.NOT_RECORDED : personalData;
        encryptionAtRest = encryptionAtRest == null ? EncryptionAtRest.NOT_RECORDED : encryptionAtRest;
        openDataStatus = openDataStatus == null ? OpenDataStatus.NOT_PLANNED : openDataStatus;
        lifecycleStatus = lifecycleStatus == null ? LifecycleStatus.DRAFT : lifecycleStatus;
    }

    /** The title to show: English if there is one, else Chinese. */
    public String title() {
        return titleEn != null ? titleEn : titleTc;
    }

    /** The canonical text of every column, as a CSV row writes it ({@code null} for empty). */
    public Map<DatasetColumn, String> columns() {
        Map<DatasetColumn, String> m = new EnumMap<>(DatasetColumn.class);
        m.put(DatasetColumn.CODE, code);
        m.put(DatasetColumn.TITLE_EN, titleEn);
        m.put(DatasetColumn.TITLE_TC, titleTc);
        m.put(DatasetColumn.DESCRIPTION_EN, descriptionEn);
        m.put(DatasetColumn.DESCRIPTION_TC, descriptionTc);
        m.put(DatasetColumn.DEPARTMENT, department);
        m.put(DatasetColumn.CUSTODIAN, custodian);
        m.put(DatasetColumn.CONTACT_EMAIL, contactEmail);
        m.put(DatasetColumn.CATEGORY, category);
        m.put(DatasetColumn.KEYWORDS, join(keywords));
        m.put(DatasetColumn.FORMATS, join(formats));
        m.put(DatasetColumn.UPDATE_FREQUENCY, updateFrequency == null ? null : updateFrequency.code());
        m.put(DatasetColumn.SOURCE_SYSTEM, sourceSystem);
        m.put(DatasetColumn.CONTAINS_PERSONAL_DATA, switch (personalData) {
            case YES -> "yes";
            case NO -> "no";
            case NOT_RECORDED -> null;
        });
        m.put(DatasetColumn.PERSONAL_DATA_CATEGORIES, join(personalDataCategories));
        m.put(DatasetColumn.CLASSIFICATION, classification);
        m.put(DatasetColumn.OPEN_DATA_STATUS, openDataStatus.code());
        m.put(DatasetColumn.RETENTION, retention == null ? null : retention.code());
        m.put(DatasetColumn.CROSS_BOUNDARY, crossBoundary ? "yes" : "no");
        m.put(DatasetColumn.ENCRYPTION_AT_REST, encryptionAtRest == EncryptionAtRest.NOT_RECORDED ? null
                : encryptionAtRest.code());
        m.put(DatasetColumn.LIFECYCLE_STATUS, lifecycleStatus.code());
        m.put(DatasetColumn.LANDING_PAGE, landingPage);
        m.put(DatasetColumn.LAST_UPDATED, lastUpdated == null ? null : lastUpdated.toString());
        return m;
    }

    /** Whether the two records hold the same content (ignoring id and stamps). */
    public boolean sameContent(Dataset other) {
        return columns().equals(other.columns());
    }

    public Dataset withIdentity(UUID newId, Instant created, Instant updated) {
        return new Dataset(newId, code, titleEn, titleTc, descriptionEn, descriptionTc, department, custodian,
                contactEmail, category, keywords, formats, updateFrequency, sourceSystem, personalData,
                personalDataCategories, classification, openDataStatus, retention, crossBoundary, encryptionAtRest,
                lifecycleStatus, landingPage, lastUpdated, created, updated);
    }

    public Dataset withLifecycle(LifecycleStatus status) {
        return new Dataset(id, code, titleEn, titleTc, descriptionEn, descriptionTc, department, custodian,
                contactEmail, category, keywords, formats, updateFrequency, sourceSystem, personalData,
                personalDataCategories, classification, openDataStatus, retention, crossBoundary, encryptionAtRest,
                status, landingPage, lastUpdated, createdAt, updatedAt);
    }

    /** The same record at another level (only a classification decision sets a stored dataset's level). */
    public Dataset withClassification(String level) {
        return new Dataset(id, code, titleEn, titleTc, descriptionEn, descriptionTc, department, custodian,
                contactEmail, category, keywords, formats, updateFrequency, sourceSystem, personalData,
                personalDataCategories, level, openDataStatus, retention, crossBoundary, encryptionAtRest,
                lifecycleStatus, landingPage, lastUpdated, createdAt, updatedAt);
    }

    /** The same record with what is recorded of its encryption at rest. */
    public Dataset withEncryptionAtRest(EncryptionAtRest encryption) {
        return new Dataset(id, code, titleEn, titleTc, descriptionEn, descriptionTc, department, custodian,
                contactEmail, category, keywords, formats, updateFrequency, sourceSystem, personalData,
                personalDataCategories, classification, openDataStatus, retention, crossBoundary, encryption,
                lifecycleStatus, landingPage, lastUpdated, createdAt, updatedAt);
    }

    public static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(SEPARATOR, values);
    }
}
