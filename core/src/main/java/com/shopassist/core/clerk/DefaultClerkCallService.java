package com.shopassist.core.clerk;

import com.shopassist.core.common.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ClerkCallService} over a {@link ClerkCallRepository}; calls expire after {@code timeout}. */
public final class DefaultClerkCallService implements ClerkCallService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultClerkCallService.class);

    private final ClerkCallRepository calls;
    private final Duration timeout;

    public DefaultClerkCallService(ClerkCallRepository calls, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        this.calls = calls;
        this.timeout = timeout;
    }

    @Override
    public ClerkCall call(String kioskName) {
        String name = kioskName == null ? "" : kioskName.strip();
        if (name.isEmpty()) throw new ValidationException("kiosk", "A kiosk needs a name to call a clerk");
        if (name.length() > 100) name = name.substring(0, 100);
        ClerkCall c = calls.insert(name);
        LOG.info("clerk call {} from kiosk {}", c.id(), c.kioskName());
        return c;
    }

    @Override
    public boolean take(long callId, long clerkId, String clerkName) {
        Optional<ClerkCall> taken = calls.take(callId, clerkId, clerkName);
        taken.ifPresent(c -> LOG.info("clerk call {} from kiosk {} taken", c.id(), c.kioskName()));
        return taken.isPresent();
    }

    @Override
    public Optional<ClerkCall> find(long callId) {
        return calls.find(callId);
    }

    @Override
    public List<ClerkCall> open() {
        return calls.open();
    }

    @Override
    public int expireOverdue() {
        List<ClerkCall> expired = calls.expireOlderThan(timeout);
        for (ClerkCall c : expired) {
            LOG.warn(
                    "clerk call {} from kiosk {} closed: no clerk took it within {} s",
                    c.id(),
                    c.kioskName(),
                    timeout.toSeconds());
        }
        return expired.size();
    }
}
