package com.shopassist.ai.gemini;

import com.shopassist.core.chat.AiSpendService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * What a store watches an assistant chain by: the kiosk's name (on log lines and in the spend
 * ledger), the store's shared AI spend ledger with its daily cap, and the meters the chain
 * records into.
 *
 * @param kioskId this kiosk's name
 * @param spend the store's spend, or null for none (no store cap; guest budgets per guest session)
 * @param meters where turns, latency, tokens and cost are counted
 */
public record Oversight(String kioskId, AiSpendService spend, MeterRegistry meters) {

    public Oversight {
        if (kioskId == null || kioskId.isBlank()) kioskId = "kiosk";
        // a composite with nothing in it keeps no numbers: recording costs next to nothing
        if (meters == null) meters = new CompositeMeterRegistry();
    }

    /** No ledger, no meters kept. */
    public static Oversight none() {
        return new Oversight(null, null, null);
    }
}
