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
 * @param guestDailyTokens daily token budget of a guest (per kiosk session key)
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
        return new AiSettings(apiKey, null, null, null, null, 0, 10_000, 50_000, 200_000, 5, 10, 10, null, null, null);
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
        return new AiSettings(
                apiKey,
                url,
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

    public AiSettings withTimeout(Duration t) {
        return new AiSettings(
                apiKey,
                baseUrl,
                flashModel,
                proModel,
                t,
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

    public AiSettings withBudgets(long guest, long free, long premium) {
        return new AiSettings(
                apiKey,
                baseUrl,
                flashModel,
                proModel,
                timeout,
                maxRetries,
                guest,
                free,
                premium,
                maxToolCalls,
                historyMessages,
                proAfterTurns,
                flashPrice,
                proPrice,
                budgetZone);
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
     * SHOPASSIST_BUDGET_GUEST            assistant.budget.guest   (10000 tokens a day)
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
        return new AiSettings(
                get.apply("GEMINI_API_KEY,gemini.api-key"),
                get.apply("SHOPASSIST_GEMINI_BASE_URL,gemini.base-url"),
                get.apply("SHOPASSIST_GEMINI_FLASH_MODEL,gemini.flash-model"),
                get.apply("SHOPASSIST_GEMINI_PRO_MODEL,gemini.pro-model"),
                Duration.ofSeconds(number(get, "SHOPASSIST_GEMINI_TIMEOUT_SECONDS,gemini.timeout-seconds", 20)),
                (int) number(get, "SHOPASSIST_GEMINI_MAX_RETRIES,gemini.max-retries", 0),
                number(get, "SHOPASSIST_BUDGET_GUEST,assistant.budget.guest", 10_000),
                number(get, "SHOPASSIST_BUDGET_FREE,assistant.budget.free", 50_000),
                number(get, "SHOPASSIST_BUDGET_PREMIUM,assistant.budget.premium", 200_000),
                (int) number(get, "SHOPASSIST_MAX_TOOL_CALLS,assistant.max-tool-calls", 5),
                (int) number(get, "SHOPASSIST_HISTORY_MESSAGES,assistant.history-messages", 10),
                (int) number(get, "SHOPASSIST_PRO_AFTER_TURNS,assistant.pro-after-turns", 10),
                price(get, "SHOPASSIST_GEMINI_FLASH_PRICE,gemini.flash-price"),
                price(get, "SHOPASSIST_GEMINI_PRO_PRICE,gemini.pro-price"),
                zone(get.apply("SHOPASSIST_BUDGET_ZONE,assistant.budget-zone")));
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

    @Override
    public String toString() {
        return "AiSettings[gemini=" + (geminiEnabled() ? "on" : "off") + ", baseUrl=" + baseUrl + ", flash="
                + flashModel
                + ", pro=" + proModel + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", budgets="
                + guestDailyTokens + "/" + freeDailyTokens + "/" + premiumDailyTokens + ", maxToolCalls=" + maxToolCalls
                + "]";
    }
}
