package com.shopassist.ai.gemini;

import com.shopassist.core.chat.AiSpendService;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.DaySpend;
import com.shopassist.core.chat.TokenUsage;
import com.shopassist.core.common.ShopException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a turn may spend on the models. First the store's daily cap (read from the store database,
 * so one cap holds for every kiosk): past it every kiosk answers offline until the day ends, and
 * at 80% a warning is logged once a day. Then the shopper's own daily budget: a guest's is this
 * kiosk's for the day (all guest sessions together, so an idle reset does not refill it), a
 * customer's is theirs across kiosks, an ENTERPRISE customer has none. Spend is added to the
 * ledger after each model call. A ledger that cannot be read never stops a turn. A store database
 * without the ledger's tables (a kiosk role needs V157, so only when they went missing) is said
 * once, and the kiosk serves as it would with no ledger (no store cap, guest budgets per guest session), asking
 * again the next day (after the store's db migrate).
 */
final class Budget {

    private static final Logger log = LoggerFactory.getLogger(Budget.class);
    /** A turn is refused when less than this is left of the day's budget (about one turn). */
    static final long TURN_ESTIMATE_TOKENS = 1_000;

    static final double ALERT_SHARE = 0.8;

    enum Verdict {
        /** Ask the models. */
        GO,
        /** The store's cap (or a PREMIUM budget) is spent: the offline assistant answers. */
        OFFLINE,
        /** A FREE customer's budget is spent. */
        LIMIT_REACHED,
        /** A guest's (this kiosk's) budget is spent: signing in gives more. */
        SIGN_IN
    }

    private final AiSettings settings;
    private final ShopperUsage shopperUsage;
    private final AiSpendService spend;
    private final String kioskId;
    private final Clock clock;
    private final ChainMeters meters;
    private final AtomicReference<LocalDate> alerted = new AtomicReference<>();
    private final AtomicReference<LocalDate> capped = new AtomicReference<>();
    private final AtomicReference<LocalDate> noLedger = new AtomicReference<>();
    private final AtomicBoolean noLedgerSaid = new AtomicBoolean();

    /** Tokens a shopper (a customer, or a guest session when there is no store ledger) used since a moment. */
    interface ShopperUsage {
        long since(ChatContext ctx, Instant since);
    }

    Budget(AiSettings settings, ShopperUsage shopperUsage, Oversight oversight, Clock clock, ChainMeters meters) {
        this.settings = settings;
        this.shopperUsage = shopperUsage;
        this.spend = oversight.spend();
        this.kioskId = oversight.kioskId();
        this.clock = clock;
        this.meters = meters;
    }

    Verdict check(ChatContext ctx) {
        LocalDate day = today();
        DaySpend d = null;
        if (ledger(day)) {
            try {
                d = spend.today(kioskId);
            } catch (RuntimeException e) {
                if (!missing(e, day)) log.warn("AI spend ledger unreadable ({}); serving the turn", e.toString());
            }
        }
        if (d != null) {
            double share = d.capShareUsed();
            if (share >= 1.0) {
                if (!day.equals(capped.getAndSet(day)))
                    log.warn(
                            "store AI spend cap reached: every kiosk answers offline until the day ends ({})",
                            usage(d));
                return Verdict.OFFLINE;
            }
            if (share >= ALERT_SHARE && !day.equals(alerted.getAndSet(day)))
                log.warn("store AI spend at {}% of the daily cap ({})", (int) (share * 100), usage(d));
        }
        String tier = ctx.tier();
        if ("ENTERPRISE".equals(tier)) return Verdict.GO;
        long used;
        try {
            used = ctx.isGuest() && d != null ? d.kioskGuestTokens() : usedByShopper(ctx, day);
        } catch (RuntimeException e) {
            log.warn("token usage unknown ({}); serving the turn", e.toString());
            return Verdict.GO;
        }
        long budget = settings.dailyBudget(tier);
        if (budget - used >= TURN_ESTIMATE_TOKENS) return Verdict.GO;
        log.info("daily budget of {} reached ({} of {} tokens)", tier, used, budget);
        return switch (tier) {
            case "PREMIUM" -> Verdict.OFFLINE;
            case "FREE" -> Verdict.LIMIT_REACHED;
            default -> Verdict.SIGN_IN;
        };
    }

    private long usedByShopper(ChatContext ctx, LocalDate day) {
        return shopperUsage.since(ctx, day.atStartOfDay(settings.budgetZone()).toInstant());
    }

    /**
     * Adds a model call's usage to the store's ledger (as guest spend for a guest) and the meters.
     * A summary's usage ({@code ctx} null) counts for the store only.
     */
    void spent(ChatContext ctx, TokenUsage usage) {
        if (usage == null) return;
        meters.spent(usage);
        LocalDate day = today();
        if (!ledger(day)) return;
        try {
            spend.add(kioskId, ctx != null && ctx.isGuest(), usage);
        } catch (RuntimeException e) {
            if (!missing(e, day)) log.warn("could not add to the AI spend ledger: {}", e.toString());
        }
    }

    /** Whether there is a ledger to ask today. */
    private boolean ledger(LocalDate day) {
        return spend != null && !day.equals(noLedger.get());
    }

    /** A store database without the ledger: not asked again today, and said once. */
    private boolean missing(RuntimeException e, LocalDate day) {
        if (!(e instanceof ShopException s) || !"SCHEMA_BEHIND".equals(s.code())) return false;
        noLedger.set(day);
        if (!noLedgerSaid.getAndSet(true))
            log.warn("{}: this kiosk serves without the store's daily AI cap", e.getMessage());
        return true;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.budgetZone()));
    }

    private static String usage(DaySpend d) {
        return d.storeTokens() + " tokens, USD "
                + d.storeCostUsd().stripTrailingZeros().toPlainString() + " of cap "
                + (d.capTokens() == null ? "-" : d.capTokens() + " tokens") + " / "
                + (d.capUsd() == null
                        ? "-"
                        : "USD " + d.capUsd().stripTrailingZeros().toPlainString());
    }
}
