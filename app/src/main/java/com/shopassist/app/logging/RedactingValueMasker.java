package com.shopassist.app.logging;

import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/** Every string the JSON encoder writes (message, MDC values, stack trace) goes through {@link Redactor}. */
public final class RedactingValueMasker implements ValueMasker {

    @Override
    public Object mask(TokenStreamContext context, Object value) {
        if (!(value instanceof String s)) return null;
        String r = Redactor.redact(s);
        // null tells the encoder to write the value unchanged
        return r == s ? null : r;
    }
}
