package org.custodian.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The visible texts in the chosen language. Bundles: {@code org/custodian/i18n/messages.properties} (English)
 * and {@code messages_zh_TW.properties} (Traditional Chinese), kept in step by a test.
 */
public final class I18n {

    public static final String BUNDLE = "org.custodian.i18n.messages";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale TRADITIONAL_CHINESE = Locale.forLanguageTag("zh-TW");

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = locale;
        // No fallback to the machine's default locale: English is the base bundle, whatever the OS says.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static I18n forTag(String tag) {
        return new I18n(TRADITIONAL_CHINESE.toLanguageTag().equalsIgnoreCase(tag) ? TRADITIONAL_CHINESE : ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    public String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Whether texts are in Traditional Chinese (for choosing which of a record's two names to show). */
    public boolean chinese() {
        return TRADITIONAL_CHINESE.equals(locale);
    }

    /**
     * A validation problem in this language: its key with its arguments, a field name among them shown as the
     * field's label and a label key among them as its text.
     */
    public String problem(org.custodian.model.validation.Problem p) {
        Object[] args = p.args().toArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s && s.matches("[a-z_]+") && bundle.containsKey("dataset.field." + s)) {
                args[i] = tr("dataset.field." + s);
            } else if (args[i] instanceof String s && s.matches("[a-z]+(\\.[a-zA-Z-]+)+") && bundle.containsKey(s)) {
                args[i] = tr(s); // a label key passed as an argument (a status's name)
            }
        }
        String text = tr(p.key(), args);
        return text.startsWith("!") ? p.english() : text;
    }
}
