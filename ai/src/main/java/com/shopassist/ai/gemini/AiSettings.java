package com.shopassist.ai.gemini;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;

/**
 * Everything the assistant chain can be configured with. A null {@code apiKey} means offline
 * only: no Gemini client is built, no error. {@link #fromEnvironment} reads each setting by its
 * environment name first, then by its config-file key, through one lookup the app provides.
 *
 * @param apiKey Gemini API key, or null for offline only
 * @param baseUrl Gemini endpoint ending in /v1beta (a store's proxy, or a test server)
 * @param flashModel the default, cheap model (also writes the summaries)
 * @param proModel the model for complex asks and long conversations, and the first fallback
 * @param timeout connect and read timeout of one model call
 * @param maxRetries retries of one model call inside the client (keep 0 or 1: the chain is the retry)
 * @param guestDailyTokens daily token budget of guests: with the store's spend ledger, all guest
 *     sessions of one kiosk together; without it, one guest session's
 * @param freeDailyTokens daily token budget of a FREE customer
 * @param premiumDailyTokens daily token budget of a PREMIUM customer
 * @param maxToolCalls tool calls one turn may make
 * @param historyMessages stored messages kept verbatim as the recent window (older ones are summarised)
 * @param proAfterTurns a conversation longer than this many shopper turns goes to the pro model
 * @param flashPrice price of the flash model
 * @param proPrice price of the pro model
 * @param budgetZone the time zone whose midnight starts a new budget day
 */
public record AiSettings(
        String apiKey,
        String baseUrl,
        String flashModel,
        String proModel,
        Duration timeout,
        int maxRetries,
        long guestDailyTokens,
        long freeDailyTokens,
        long premiumDailyTokens,
        int maxToolCalls,
        int historyMessages,
        int proAfterTurns,
        ModelPrice flashPrice,
        ModelPrice proPrice,
        ZoneId budgetZone) {

    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    public static final String DEFAULT_FLASH = "gemini-2.5-flash";
    public static final String DEFAULT_PRO = "gemini-2.5-pro";

    /**
     * The guests' default daily budget, shared by every guest of a kiosk (most of a kiosk's
     * shoppers): about 200 Gemini turns of 2,000 to 3,000 tokens, some USD 0.25 a day on Flash
     * at the default prices. Far less would send a busy kiosk offline before noon; the store's
     * daily cap is what bounds the spend of all kiosks together.
     */
    public static final long GUEST_DAILY_TOKENS = 500_000;

    public AiSettings {
        if (apiKey != null && apiKey.isBlank()) apiKey = null;
        if (baseUrl == null || baseUrl.isBlank()) baseUrl = DEFAULT_BASE_URL;
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        if (flashModel == null || flashModel.isBlank()) flashModel = DEFAULT_FLASH;
        if (proModel == null || proModel.isBlank()) proModel = DEFAULT_PRO;
        if (timeout == null || timeout.isNegative() || timeout.isZero()) timeout = Duration.ofSeconds(20);
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be 0 or more");
        if (maxToolCalls < 1) throw new IllegalArgumentException("maxToolCalls must be 1 or more");
        if (historyMessages < 2) throw new IllegalArgumentException("historyMessages must be 2 or more");
        if (flashPrice == null) flashPrice = ModelPrice.of("0.30", "2.50");
        if (proPrice == null) proPrice = ModelPrice.of("1.25", "10.00");
        if (budgetZone == null) budgetZone = ZoneId.of("Asia/Jakarta");
    }

    /** Defaults: offline unless a key is given. */
    public static AiSettings defaults(String apiKey) {
        return builder().apiKey(apiKey).build();
    }

    /** Settings to change one by one, starting from the defaults (offline: no key). */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings to change one by one, starting from these. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when the Gemini layers are on. */
    public boolean geminiEnabled() {
        return apiKey != null;
    }

    /** Daily budget of a tier ("GUEST", "FREE", "PREMIUM"). */
    public long dailyBudget(String tier) {
        return switch (tier == null ? "GUEST" : tier.toUpperCase(Locale.ROOT)) {
            case "PREMIUM" -> premiumDailyTokens;
            case "FREE" -> freeDailyTokens;
            default -> guestDailyTokens;
        };
    }

    public ModelPrice priceOf(String model) {
        return model != null && model.equals(proModel) ? proPrice : flashPrice;
    }

    public AiSettings withBaseUrl(String url) {
        return toBuilder().baseUrl(url).build();
    }

    public AiSettings withTimeout(Duration t) {
        return toBuilder().timeout(t).build();
    }

    public AiSettings withBudgets(long guest, long free, long premium) {
        return toBuilder().dailyBudgets(guest, free, premium).build();
    }

    /** The same settings with the Gemini layers off: the offline assistant answers alone. */
    public AiSettings withoutApiKey() {
        return toBuilder().apiKey(null).build();
    }

    /**
     * Reads the settings through {@code lookup}, trying each environment name and then its config
     * key (the app passes e.g. {@code k -> env.getOrDefault(k, config.get(k))}):
     *
     * <pre>
     * GEMINI_API_KEY                     gemini.api-key         (absent: offline only)
     * SHOPASSIST_GEMINI_BASE_URL         gemini.base-url
     * SHOPASSIST_GEMINI_FLASH_MODEL      gemini.flash-model
     * SHOPASSIST_GEMINI_PRO_MODEL        gemini.pro-model
     * SHOPASSIST_GEMINI_TIMEOUT_SECONDS  gemini.timeout-seconds  (20)
     * SHOPASSIST_GEMINI_MAX_RETRIES      gemini.max-retries      (0)
     * SHOPASSIST_BUDGET_GUEST            assistant.budget.guest   (500000 tokens a day, all guests of a kiosk)
     * SHOPASSIST_BUDGET_FREE             assistant.budget.free    (50000)
     * SHOPASSIST_BUDGET_PREMIUM          assistant.budget.premium (200000)
     * SHOPASSIST_MAX_TOOL_CALLS          assistant.max-tool-calls (5)
     * SHOPASSIST_HISTORY_MESSAGES        assistant.history-messages (10)
     * SHOPASSIST_PRO_AFTER_TURNS         assistant.pro-after-turns (10)
     * SHOPASSIST_GEMINI_FLASH_PRICE      gemini.flash-price  ("0.30/2.50": USD per 1M input/output tokens)
     * SHOPASSIST_GEMINI_PRO_PRICE        gemini.pro-price    ("1.25/10.00")
     * SHOPASSIST_BUDGET_ZONE             assistant.budget-zone (Asia/Jakarta)
     * </pre>
     *
     * @throws IllegalArgumentException naming the setting, for a value that is not a number
     */
    public static AiSettings fromEnvironment(Function<String, String> lookup) {
        Function<String, String> get = names -> {
            for (String n : names.split(",")) {
                String v = lookup.apply(n);
                if (v != null && !v.isBlank()) return v.strip();
            }
            return null;
        };
        return builder()
                .apiKey(get.apply("GEMINI_API_KEY,gemini.api-key"))
                .baseUrl(get.apply("SHOPASSIST_GEMINI_BASE_URL,gemini.base-url"))
                .flashModel(get.apply("SHOPASSIST_GEMINI_FLASH_MODEL,gemini.flash-model"))
                .proModel(get.apply("SHOPASSIST_GEMINI_PRO_MODEL,gemini.pro-model"))
                .timeout(
                        Duration.ofSeconds(number(get, "SHOPASSIST_GEMINI_TIMEOUT_SECONDS,gemini.timeout-seconds", 20)))
                .maxRetries((int) number(get, "SHOPASSIST_GEMINI_MAX_RETRIES,gemini.max-retries", 0))
                .dailyBudgets(
                        number(get, "SHOPASSIST_BUDGET_GUEST,assistant.budget.guest", GUEST_DAILY_TOKENS),
                        number(get, "SHOPASSIST_BUDGET_FREE,assistant.budget.free", 50_000),
                        number(get, "SHOPASSIST_BUDGET_PREMIUM,assistant.budget.premium", 200_000))
                .maxToolCalls((int) number(get, "SHOPASSIST_MAX_TOOL_CALLS,assistant.max-tool-calls", 5))
                .historyMessages((int) number(get, "SHOPASSIST_HISTORY_MESSAGES,assistant.history-messages", 10))
                .proAfterTurns((int) number(get, "SHOPASSIST_PRO_AFTER_TURNS,assistant.pro-after-turns", 10))
                .prices(
                        price(get, "SHOPASSIST_GEMINI_FLASH_PRICE,gemini.flash-price"),
                        price(get, "SHOPASSIST_GEMINI_PRO_PRICE,gemini.pro-price"))
                .budgetZone(zone(get.apply("SHOPASSIST_BUDGET_ZONE,assistant.budget-zone")))
                .build();
    }

    private static long number(Function<String, String> get, String names, long fallback) {
        String v = get.apply(names);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(names.replace(",", " / ") + ": not a whole number: " + v);
        }
    }

    private static ModelPrice price(Function<String, String> get, String names) {
        String v = get.apply(names);
        if (v == null) return null;
        String[] parts = v.split("/");
        try {
            if (parts.length != 2) throw new NumberFormatException();
            return ModelPrice.of(parts[0].strip(), parts[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    names.replace(",", " / ") + ": expected input/output USD per million tokens, e.g. 0.30/2.50: " + v);
        }
    }

    private static ZoneId zone(String v) {
        if (v == null) return null;
        try {
            return ZoneId.of(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "SHOPASSIST_BUDGET_ZONE / assistant.budget-zone: unknown time zone: " + v);
        }
    }

    /**
     * AiSettings changed one setting at a time; {@link #build()} applies the record's defaults and
     * checks, so a builder never yields settings the constructor would refuse.
     */
    public static final class Builder {
        private String apiKey;
        private String baseUrl;
        private String flashModel;
        private String proModel;
        private Duration timeout;
        private int maxRetries;
        private long guestDailyTokens = GUEST_DAILY_TOKENS;
        private long freeDailyTokens = 50_000;
        private long premiumDailyTokens = 200_000;
        private int maxToolCalls = 5;
        private int historyMessages = 10;
        private int proAfterTurns = 10;
        private ModelPrice flashPrice;
        private ModelPrice proPrice;
        private ZoneId budgetZone;

        private Builder() {}

        private Builder(AiSettings s) {
            apiKey = s.apiKey;
            baseUrl = s.baseUrl;
            flashModel = s.flashModel;
            proModel = s.proModel;
            timeout = s.timeout;
            maxRetries = s.maxRetries;
            guestDailyTokens = s.guestDailyTokens;
            freeDailyTokens = s.freeDailyTokens;
            premiumDailyTokens = s.premiumDailyTokens;
            maxToolCalls = s.maxToolCalls;
            historyMessages = s.historyMessages;
            proAfterTurns = s.proAfterTurns;
            flashPrice = s.flashPrice;
            proPrice = s.proPrice;
            budgetZone = s.budgetZone;
        }

        /** Null or blank: offline only. */
        public Builder apiKey(String key) {
            apiKey = key;
            return this;
        }

        public Builder baseUrl(String url) {
            baseUrl = url;
            return this;
        }

        public Builder flashModel(String model) {
            flashModel = model;
            return this;
        }

        public Builder proModel(String model) {
            proModel = model;
            return this;
        }

        public Builder timeout(Duration t) {
            timeout = t;
            return this;
        }

        public Builder maxRetries(int retries) {
            maxRetries = retries;
            return this;
        }

        /** Daily token budgets of a guest, a FREE and a PREMIUM customer. */
        public Builder dailyBudgets(long guest, long free, long premium) {
            guestDailyTokens = guest;
            freeDailyTokens = free;
            premiumDailyTokens = premium;
            return this;
        }

        public Builder maxToolCalls(int calls) {
            maxToolCalls = calls;
            return this;
        }

        public Builder historyMessages(int messages) {
            historyMessages = messages;
            return this;
        }

        public Builder proAfterTurns(int turns) {
            proAfterTurns = turns;
            return this;
        }

        /** Prices of the flash and the pro model; null keeps the default. */
        public Builder prices(ModelPrice flash, ModelPrice pro) {
            flashPrice = flash;
            proPrice = pro;
            return this;
        }

        public Builder budgetZone(ZoneId zone) {
            budgetZone = zone;
            return this;
        }

        public AiSettings build() {
            return new AiSettings(
                    apiKey,
                    baseUrl,
                    flashModel,
                    proModel,
                    timeout,
                    maxRetries,
                    guestDailyTokens,
                    freeDailyTokens,
                    premiumDailyTokens,
                    maxToolCalls,
                    historyMessages,
                    proAfterTurns,
                    flashPrice,
                    proPrice,
                    budgetZone);
        }
    }

    @Override
    public String toString() {
        return "AiSettings[gemini=" + (geminiEnabled() ? "on" : "off") + ", baseUrl=" + baseUrl + ", flash="
                + flashModel
                + ", pro=" + proModel + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", budgets="
                + guestDailyTokens + "/" + freeDailyTokens + "/" + premiumDailyTokens + ", maxToolCalls=" + maxToolCalls
                + "]";
    }
}
