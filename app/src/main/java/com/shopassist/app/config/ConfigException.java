package com.shopassist.app.config;

/** The command line or the configuration is wrong. The message is one line, shown as is. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
