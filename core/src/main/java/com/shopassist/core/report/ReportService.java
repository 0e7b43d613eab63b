package com.shopassist.core.report;

import java.time.LocalDate;

/** The store report: one day of every kiosk, for a manager's morning check. */
public interface ReportService {

    /** The store day {@code day} (midnight to midnight in the store's zone). */
    StoreReport day(LocalDate day);

    /** Yesterday in the store's zone: what a morning check reads. */
    StoreReport yesterday();

    /**
     * Today so far in the store's zone: turns by layer, their latency, tokens and cost. Light
     * enough to read every few seconds (the turn and message tables by their time index).
     */
    StoreToday today();
}
