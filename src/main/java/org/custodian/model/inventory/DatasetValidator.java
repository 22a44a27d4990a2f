package org.custodian.model.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.custodian.model.reference.ReferenceList;
import org.custodian.model.validation.FieldText;
import org.custodian.model.validation.Problem;

/**
 * The rules for a dataset, from the text of its fields: the same checks for the editor, the CSV and JSON
 * importers and bulk edits. Field names in problems are the canonical column names.
 */
public final class DatasetValidator {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_SHORT = 500;
    private static final int MAX_LONG = 20_000;
    /** The columns that may hold up to {@link #MAX_LONG} characters; every other one holds {@link #MAX_SHORT}. */
    private static final Set<DatasetColumn> LONG = java.util.EnumSet.of(DatasetColumn.DESCRIPTION_EN,
            DatasetColumn.DESCRIPTION_TC, DatasetColumn.KEYWORDS, DatasetColumn.FORMATS,
            DatasetColumn.PERSONAL_DATA_CATEGORIES);

    private final ReferenceResolver references;
    private final Function<String, Optional<ClassificationLevel>> levels;
    private final boolean addUnknownReferences;

    /**
     * @param levels finds a classification level from its name, ignoring case
     * @param addUnknownReferences true for importers: an unknown department, category or format becomes a new
     *     entry (a warning) instead of a problem
     */
    public DatasetValidator(ReferenceResolver references, Function<String, Optional<ClassificationLevel>> levels,
                            boolean addUnknownReferences) {
        this.references = references;
        this.levels = levels;
        this.addUnknownReferences = addUnknownReferences;
    }

    public DatasetCheck check(Map<DatasetColumn, String> fields) {
        List<Problem> tooLong = new ArrayList<>();
        for (DatasetColumn c : DatasetColumn.values()) {
            FieldText.tooLong(c.header(), fields.get(c), LONG.contains(c) ? MAX_LONG : MAX_SHORT)
                    .ifPresent(tooLong::add);
        }
        if (!tooLong.isEmpty()) {
            // A field over its limit is all that is said: the other rules would only quote the oversized text back.
            return new DatasetCheck(null, tooLong, List.of(), List.of());
        }
        Fields f = new Fields(fields);
        String code = f.text(DatasetColumn.CODE);
        if (code == null) {
            f.problem(DatasetColumn.CODE, "validation.required", "code is required", "code");
        } else if (!CODE.matcher(code).matches()) {
            f.problem(DatasetColumn.CODE, "validation.dataset.code", "code '" + code
                    + "' may hold only letters, digits, '.', '_', '/' and '-' (at most 100)", code);
        }
        String titleEn = f.text(DatasetColumn.TITLE_EN);
        String titleTc = f.text(DatasetColumn.TITLE_TC);
        if (titleEn == null && titleTc == null) {
            f.problem(DatasetColumn.TITLE_EN, "validation.dataset.title",
                    "a title in English or Traditional Chinese is required");
        }
        String descriptionEn = f.text(DatasetColumn.DESCRIPTION_EN);
        String descriptionTc = f.text(DatasetColumn.DESCRIPTION_TC);
        String department = f.reference(DatasetColumn.DEPARTMENT, ReferenceList.ORGANISATION);
        if (f.text(DatasetColumn.DEPARTMENT) == null) {
            f.problem(DatasetColumn.DEPARTMENT, "validation.required", "department is required", "department");
        }
        String custodian = f.text(DatasetColumn.CUSTODIAN);
        String email = f.text(DatasetColumn.CONTACT_EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            f.problem(DatasetColumn.CONTACT_EMAIL, "validation.dataset.email",
                    "'" + email + "' is not an e-mail address", email);
        }
        String category = f.reference(DatasetColumn.CATEGORY, ReferenceList.CATEGORY);
        List<String> keywords = f.list(DatasetColumn.KEYWORDS);
        List<String> formats = new ArrayList<>();
        for (String format : f.list(DatasetColumn.FORMATS)) {
            String resolved = f.resolve(DatasetColumn.FORMATS, ReferenceList.FORMAT, format);
            if (resolved != null && !formats.contains(resolved)) {
                formats.add(resolved);
            }
        }
        UpdateFrequency frequency = f.choice(DatasetColumn.UPDATE_FREQUENCY, UpdateFrequency.class);
        String sourceSystem = f.text(DatasetColumn.SOURCE_SYSTEM);
        PersonalData personalData = PersonalData.NOT_RECORDED;
        String pd = f.text(DatasetColumn.CONTAINS_PERSONAL_DATA);
        if (pd != null) {
            personalData = CodedValue.parse(PersonalData.class, pd);
            if (personalData == null) {
                Boolean yes = f.yesNo(DatasetColumn.CONTAINS_PERSONAL_DATA);
                personalData = yes == null ? PersonalData.NOT_RECORDED : yes ? PersonalData.YES : PersonalData.NO;
            }
        }
        List<String> personalCategories = f.list(DatasetColumn.PERSONAL_DATA_CATEGORIES);
        if (!personalCategories.isEmpty() && personalData == PersonalData.NO) {
            f.problem(DatasetColumn.PERSONAL_DATA_CATEGORIES, "validation.dataset.personalCategories",
                    "personal data categories are given but contains_personal_data is 'no'");
        }
        String classification = null;
        ClassificationLevel scheme = null;
        String level = f.text(DatasetColumn.CLASSIFICATION);
        if (level != null) {
            scheme = levels.apply(level.replace('_', ' ').replace('-', ' ')).orElse(null);
            if (scheme == null) {
                f.problem(DatasetColumn.CLASSIFICATION, "validation.dataset.level",
                        "'" + level + "' is not a level of the classification scheme", level);
            } else {
                classification = scheme.code();
            }
        }
        EncryptionAtRest encryption = f.encryption();
        if (scheme != null && scheme.rules().encryptionAtRest() && encryption == EncryptionAtRest.NO) {
            // Recorded as it is: the findings report it; refusing would only hide the gap from the inventory.
            f.warning(DatasetColumn.ENCRYPTION_AT_REST, "validation.dataset.encryptionRequired", scheme.code()
                    + " requires encryption at rest, but encryption_at_rest is 'no'", scheme.code());
        }
        OpenDataStatus openData = f.choice(DatasetColumn.OPEN_DATA_STATUS, OpenDataStatus.class);
        Retention retention = null;
        String r = f.text(DatasetColumn.RETENTION);
        if (r != null) {
            retention = Retention.parse(r).orElse(null);
            if (retention == null) {
                f.problem(DatasetColumn.RETENTION, "validation.dataset.retention",
                        "'" + r + "' is not a retention period: write an ISO-8601 period such as P7Y or P18M, or"
                                + " 'permanent'", r);
            }
        }
        Boolean crossBoundary = f.yesNo(DatasetColumn.CROSS_BOUNDARY);
        LifecycleStatus lifecycle = f.choice(DatasetColumn.LIFECYCLE_STATUS, LifecycleStatus.class);
        String landingPage = f.text(DatasetColumn.LANDING_PAGE);
        if (landingPage != null && !URL.matcher(landingPage).matches()) {
            f.problem(DatasetColumn.LANDING_PAGE, "validation.dataset.url",
                    "'" + landingPage + "' is not a web address starting with http:// or https://", landingPage);
        }
        LocalDate lastUpdated = f.date(DatasetColumn.LAST_UPDATED);
        Dataset dataset = f.problems.isEmpty()
                ? new Dataset(null, code, titleEn, titleTc, descriptionEn, descriptionTc, department, custodian,
                        email, category, keywords, formats, frequency, sourceSystem, personalData,
                        personalCategories, classification, openData, retention, Boolean.TRUE.equals(crossBoundary),
                        encryption, lifecycle, landingPage, lastUpdated, null, null)
                : null;
        return new DatasetCheck(dataset, f.problems, f.warnings, new ArrayList<>(f.additions));
    }

    /** The field values being checked, with the problems found so far. */
    private final class Fields {
        private final Map<DatasetColumn, String> values;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Problem> warnings = new ArrayList<>();
        private final Set<NewReference> additions = new LinkedHashSet<>();

        Fields(Map<DatasetColumn, String> values) {
            this.values = values;
        }

        void problem(DatasetColumn column, String key, String english, Object... args) {
            problems.add(Problem.of(column.header(), key, english, args));
        }

        void warning(DatasetColumn column, String key, String english, Object... args) {
            warnings.add(Problem.of(column.header(), key, english, args));
        }

        /** Empty is not recorded; yes, no and not-recorded are taken as written, and y/n, true/false, 1/0 too. */
        EncryptionAtRest encryption() {
            String v = text(DatasetColumn.ENCRYPTION_AT_REST);
            if (v == null) {
                return EncryptionAtRest.NOT_RECORDED;
            }
            EncryptionAtRest e = CodedValue.parse(EncryptionAtRest.class, v);
            if (e == null) {
                e = FieldText.yesNo(v).map(yes -> yes ? EncryptionAtRest.YES : EncryptionAtRest.NO).orElse(null);
            }
            if (e == null) {
                String codes = CodedValue.codes(EncryptionAtRest.class);
                problem(DatasetColumn.ENCRYPTION_AT_REST, "validation.dataset.choice", "'" + v + "' is not one of "
                        + codes, v, codes);
            }
            return e;
        }

        String text(DatasetColumn column) {
            return FieldText.value(values.get(column));
        }

        List<String> list(DatasetColumn column) {
            return FieldText.items(text(column), Dataset.SEPARATOR);
        }

        String reference(DatasetColumn column, ReferenceList list) {
            String v = text(column);
            return v == null ? null : resolve(column, list, v);
        }

        String resolve(DatasetColumn column, ReferenceList list, String v) {
            Optional<String> code = references.resolve(list, v);
            if (code.isPresent()) {
                return code.get();
            }
            if (addUnknownReferences) {
                NewReference added = NewReference.named(list, v);
                Optional<String> same = references.resolve(list, added.code());
                if (same.isPresent()) {
                    // "HK TD" and "hk-td", or "Dept. of Health" after "Dept of Health": the same entry.
                    warnings.add(Problem.of(column.header(), "validation.dataset.referenceMatched",
                            "'" + v + "' is not in the " + list.entityType() + " list; taken as '" + same.get() + "'",
                            v, same.get()));
                    return same.get();
                }
                if (additions.add(added)) {
                    warnings.add(Problem.of(column.header(), "validation.dataset.referenceAdded",
                            "'" + v + "' is not in the " + list.entityType() + " list yet; it will be added as '"
                                    + added.code() + "'", v, added.code()));
                }
                return added.code();
            }
            problem(column, "validation.dataset.unknownReference",
                    "'" + v + "' is not in the " + list.entityType() + " list", v);
            return null;
        }

        <E extends Enum<E> & CodedValue> E choice(DatasetColumn column, Class<E> type) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            E e = ((Class<?>) type) == UpdateFrequency.class ? type.cast(UpdateFrequency.parseLenient(v)) : CodedValue.parse(type, v);
            if (e == null) {
                problem(column, "validation.dataset.choice", "'" + v + "' is not one of "
                        + CodedValue.codes(type), v, CodedValue.codes(type));
            }
            return e;
        }

        Boolean yesNo(DatasetColumn column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            Optional<Boolean> answer = FieldText.yesNo(v);
            if (answer.isEmpty()) {
                problem(column, "validation.dataset.yesNo", "'" + v
                        + "' is not yes or no (write yes/no, y/n, true/false or 1/0)", v);
            }
            return answer.orElse(null);
        }

        LocalDate date(DatasetColumn column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            Optional<LocalDate> date = FieldText.date(v);
            if (date.isEmpty()) {
                problem(column, "validation.dataset.date", "'" + v + "' is not a date in the form YYYY-MM-DD", v);
            }
            return date.orElse(null);
        }
    }
}
