package com.shopassist.core.common;

/** The store database cannot be reached: writes are refused, browsing may come from cache. */
public class DataUnavailableException extends ShopException {
    public DataUnavailableException(String message, Throwable cause) {
        super("DATA_UNAVAILABLE", message, cause);
    }
}
