package com.shopassist.ai.gemini;

import com.shopassist.core.chat.AiSpendService;
import com.shopassist.core.replica.StoreStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * What a store watches an assistant chain by: the kiosk's name (on log lines and in the spend
 * ledger), the store's shared AI spend ledger with its daily cap, the meters the chain records
 * into, and which database answers the kiosk (a turn answered from the local replica is counted
 * and logged as such).
 *
 * @param kioskId this kiosk's name
 * @param spend the store's spend, or null for none (no store cap; guest budgets per guest session)
 * @param meters where turns, latency, tokens and cost are counted
 * @param store which database answers now; null for always the store's (no replica)
 */
public record Oversight(String kioskId, AiSpendService spend, MeterRegistry meters, StoreStatus store) {

    public Oversight {
        if (kioskId == null || kioskId.isBlank()) kioskId = "kiosk";
        // a composite with nothing in it keeps no numbers: recording costs next to nothing
        if (meters == null) meters = new CompositeMeterRegistry();
        if (store == null) store = StoreStatus.alwaysShared();
    }

    /** A kiosk without a replica. */
    public Oversight(String kioskId, AiSpendService spend, MeterRegistry meters) {
        this(kioskId, spend, meters, null);
    }

    /** No ledger, no meters kept. */
    public static Oversight none() {
        return new Oversight(null, null, null, null);
    }

    /** "local" while the kiosk's replica answers, else "shared" (as {@code chat --json} says it). */
    String source() {
        return store.source() == StoreStatus.Source.LOCAL ? "local" : "shared";
    }
}
