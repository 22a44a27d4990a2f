package org.custodian.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a picker shows its choices: the text a function gives each one (pickers here are never typed into). */
public final class ChoiceText {

    private ChoiceText() {
    }

    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
