package com.shopassist.core.common;

/** Input that cannot be accepted; the message says which field and why. */
public class ValidationException extends ShopException {
    private final String field;

    public ValidationException(String field, String message) {
        super("VALIDATION", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
