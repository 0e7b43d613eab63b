package com.shopassist.core.common;

/**
 * A failure a shopper, clerk or model can be told about. {@link #code()} is stable (for tools,
 * tests and localisation); the message is plain English and never a stack trace.
 */
public class ShopException extends RuntimeException {
    private final String code;

    public ShopException(String code, String message) {
        super(message);
        this.code = code;
    }

    public ShopException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
