package org.custodian.model.validation;

import java.util.List;

/**
 * One thing wrong with a record: the field, a message key for the bundles and its arguments, and the English
 * text for logs and the command line.
 */
public record Problem(String field, String key, List<Object> args, String english) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String field, String key, String english, Object... args) {
        return new Problem(field, key, List.of(args), english);
    }
}
