package com.shopassist.app.wiring;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.ConfigException;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.outbox.OfflineCheckout;
import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.StoreRepositories;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * The core services as the settings configure them, each setting checked where it is read: a value
 * that is not what the setting expects is a {@link ConfigException} naming it.
 */
final class ConfiguredServices {

    private ConfiguredServices() {}

    /**
     * The services over the store's database alone, their holds taken by {@code kioskId}: hold time
     * and chat retention from {@code cart.hold-minutes} / {@code SHOPASSIST_HOLD_MINUTES} (default
     * 30) and {@code privacy.chat-retention-days} / {@code SHOPASSIST_CHAT_RETENTION_DAYS} (default
     * 90), the report's rate and the clerk call timeout as below.
     */
    static CoreServices store(StoreRepositories r, Clock clock, AppConfig config, String kioskId) {
        return CoreServices.over(
                r,
                clock,
                commerce(config),
                usdToIdr(config),
                Duration.ofSeconds(Math.max(
                        30, config.intSetting("clerk.call-timeout-seconds", "SHOPASSIST_CLERK_CALL_TIMEOUT", 300))),
                kioskId);
    }

    /**
     * {@code store} with the outbox's cart and checkout in front (decisions 0096-0098), a checkout
     * while the store does not answer doing what {@code offline.checkout} says.
     */
    static CoreServices withOutbox(
            CoreServices store, Outbox outbox, StoreStatus status, Clock clock, AppConfig config) {
        return store.withOutbox(outbox, status, offlineCheckout(config), clock, commerce(config));
    }

    private static CommerceSettings commerce(AppConfig config) {
        return CommerceSettings.defaults()
                .withHoldMinutes(config.intSetting("cart.hold-minutes", "SHOPASSIST_HOLD_MINUTES", 30))
                .withChatRetentionDays(
                        config.intSetting("privacy.chat-retention-days", "SHOPASSIST_CHAT_RETENTION_DAYS", 90));
    }

    /** What a checkout does while the store's database does not answer: {@code offline.checkout}. */
    private static OfflineCheckout offlineCheckout(AppConfig config) {
        try {
            return OfflineCheckout.parse(config.setting("offline.checkout", "SHOPASSIST_OFFLINE_CHECKOUT", "refuse"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** {@code report.usd-to-idr} / {@code SHOPASSIST_USD_TO_IDR} (default 16,000): rupiah per US dollar. */
    private static BigDecimal usdToIdr(AppConfig config) {
        String value = config.setting("report.usd-to-idr", "SHOPASSIST_USD_TO_IDR", "16000");
        try {
            BigDecimal rate = new BigDecimal(value.strip().replace("_", "").replace(",", ""));
            if (rate.signum() <= 0) throw new NumberFormatException();
            return rate;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    "Setting report.usd-to-idr must be a positive number (rupiah per US dollar), not '" + value + "'");
        }
    }
}
