package com.shopassist.core.report;

import java.time.LocalDate;

/** The store report: one day of every kiosk, for a manager's morning check. */
public interface ReportService {

    /** The store day {@code day} (midnight to midnight in the store's zone). */
    StoreReport day(LocalDate day);

    /** Yesterday in the store's zone: what a morning check reads. */
    StoreReport yesterday();
}
