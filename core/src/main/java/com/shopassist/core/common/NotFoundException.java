package com.shopassist.core.common;

/** The thing asked for does not exist, or does not belong to the caller (never say which). */
public class NotFoundException extends ShopException {
    public NotFoundException(String what, Object id) {
        super("NOT_FOUND", what + " " + id + " was not found");
    }
}
