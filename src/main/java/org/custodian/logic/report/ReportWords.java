package org.custodian.logic.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.custodian.model.assessment.TemplateText;
import org.custodian.model.inventory.CodedValue;
import org.custodian.model.report.ReportLanguage;

/**
 * The report's words in its language, from the same bundles as the window ({@code org/custodian/i18n}); with
 * {@link ReportLanguage#BOTH} a label reads "English / 中文".
 */
public final class ReportWords {

    static final Locale CHINESE = Locale.forLanguageTag("zh-TW");
    private static final String BUNDLE = "org.custodian.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ReportLanguage language;
    private final ResourceBundle english;
    private final ResourceBundle chinese;

    public ReportWords(ReportLanguage language) {
        this.language = language;
        this.english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_FALLBACK);
        this.chinese = ResourceBundle.getBundle(BUNDLE, CHINESE, NO_FALLBACK);
    }

    public ReportLanguage language() {
        return language;
    }

    /** The text of {@code key} in the report's language (both joined with " / " when both). */
    public String t(String key, Object... args) {
        return switch (language) {
            case EN -> en(key, args);
            case ZH -> zh(key, args);
            case BOTH -> join(en(key, args), zh(key, args));
        };
    }

    /** As {@link #t}, with a two-language text as the first argument, each language taking its own side. */
    public String withText(String key, TemplateText first, Object... rest) {
        Object[] en = new Object[rest.length + 1];
        Object[] zh = new Object[rest.length + 1];
        en[0] = first.en().isBlank() ? first.zh() : first.en();
        zh[0] = first.zh().isBlank() ? first.en() : first.zh();
        System.arraycopy(rest, 0, en, 1, rest.length);
        System.arraycopy(rest, 0, zh, 1, rest.length);
        return switch (language) {
            case EN -> en(key, en);
            case ZH -> zh(key, zh);
            case BOTH -> join(en(key, en), zh(key, zh));
        };
    }

    /** A register's filter in words, or "all records" in each language when there is none. */
    public String filterOr(String key, String filter, Object... before) {
        Object[] en = java.util.Arrays.copyOf(before, before.length + 1);
        Object[] zh = java.util.Arrays.copyOf(before, before.length + 1);
        en[before.length] = filter.isBlank() ? en("report.filter.none") : filter;
        zh[before.length] = filter.isBlank() ? zh("report.filter.none") : filter;
        return switch (language) {
            case EN -> en(key, en);
            case ZH -> zh(key, zh);
            case BOTH -> join(en(key, en), zh(key, zh));
        };
    }

    /**
     * The text of the first of {@code keys} the bundles hold, in the report's language, or {@code fallback}: for
     * names that come from the data (an audit event's action or field) and may have no text of their own.
     */
    public String firstOr(java.util.List<String> keys, String fallback) {
        for (String key : keys) {
            if (english.containsKey(key) && chinese.containsKey(key)) {
                return t(key);
            }
        }
        return fallback;
    }

    public String en(String key, Object... args) {
        return format(english, Locale.ENGLISH, key, args);
    }

    public String zh(String key, Object... args) {
        return format(chinese, CHINESE, key, args);
    }

    public String label(CodedValue value) {
        return value == null ? "" : t(value.labelKey());
    }

    /** A record's two names (either may be missing) in the report's language, falling back to the other one. */
    public String pick(String en, String zh) {
        boolean hasEn = en != null && !en.isBlank();
        boolean hasZh = zh != null && !zh.isBlank();
        return switch (language) {
            case EN -> hasEn ? en : hasZh ? zh : "";
            case ZH -> hasZh ? zh : hasEn ? en : "";
            case BOTH -> hasEn && hasZh && !en.equals(zh) ? join(en, zh) : hasEn ? en : hasZh ? zh : "";
        };
    }

    public String pick(TemplateText text) {
        return text == null ? "" : pick(text.en(), text.zh());
    }

    /** The locale numbers and dates are written in: Chinese only for a Chinese-only report. */
    public Locale locale() {
        return language == ReportLanguage.ZH ? CHINESE : Locale.ENGLISH;
    }

    private static String join(String en, String zh) {
        return en.equals(zh) ? en : en + " / " + zh;
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, Object[] args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No report text " + key, e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
