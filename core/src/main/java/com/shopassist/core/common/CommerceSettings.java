package com.shopassist.core.common;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Tunables of the commerce services. {@link #defaults()} is what a store runs with: holds last
 * 30 minutes, chat content is kept 90 days, a signed-in session lasts 12 hours (the store database
 * caps it, and keeps the sign-in lockout rules itself), order numbers use the store's date in
 * Asia/Jakarta.
 */
public record CommerceSettings(Duration holdDuration, Duration chatRetention, Duration sessionTtl, ZoneId storeZone) {

    public CommerceSettings {
        Objects.requireNonNull(holdDuration, "holdDuration");
        Objects.requireNonNull(chatRetention, "chatRetention");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(storeZone, "storeZone");
        if (holdDuration.isNegative() || holdDuration.isZero()) {
            throw new IllegalArgumentException("holdDuration must be positive");
        }
    }

    public static CommerceSettings defaults() {
        return new CommerceSettings(
                Duration.ofMinutes(30), Duration.ofDays(90), Duration.ofHours(12), ZoneId.of("Asia/Jakarta"));
    }

    public CommerceSettings withHoldMinutes(long minutes) {
        return new CommerceSettings(Duration.ofMinutes(minutes), chatRetention, sessionTtl, storeZone);
    }

    public CommerceSettings withChatRetentionDays(long days) {
        return new CommerceSettings(holdDuration, Duration.ofDays(days), sessionTtl, storeZone);
    }

    public long holdMinutes() {
        return holdDuration.toMinutes();
    }

    public long chatRetentionDays() {
        return chatRetention.toDays();
    }
}
