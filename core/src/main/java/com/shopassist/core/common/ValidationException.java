package com.shopassist.core.common;

/**
 * Input that cannot be accepted; the message says which field and why, in plain English.
 * {@link #reason()} is a stable code for the UI to word the problem in the shopper's language: the
 * field's name, or {@code field.rule} where one field can fail in more than one way (e.g.
 * {@code email.taken}).
 */
public class ValidationException extends ShopException {
    private final String field;
    private final String reason;

    public ValidationException(String field, String message) {
        this(field, field, message);
    }

    public ValidationException(String field, String reason, String message) {
        super("VALIDATION", message);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** Stable code of the broken rule: the field name, or {@code field.rule}. */
    public String reason() {
        return reason;
    }
}
