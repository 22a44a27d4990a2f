package org.custodian.model.assessment;

import java.util.Locale;

/** A text a template gives in English and Traditional Chinese. */
public record TemplateText(String en, String zh) {

    public static final TemplateText NONE = new TemplateText("", "");

    public TemplateText {
        en = en == null ? "" : en;
        zh = zh == null ? "" : zh;
    }

    /** The text for {@code locale}: Chinese for any Chinese locale, English otherwise; falls back when one is empty. */
    public String in(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        String wanted = chinese ? zh : en;
        return wanted.isEmpty() ? (chinese ? en : zh) : wanted;
    }

    public boolean isEmpty() {
        return en.isEmpty() && zh.isEmpty();
    }
}
