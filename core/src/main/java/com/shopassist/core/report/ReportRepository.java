package com.shopassist.core.report;

import com.shopassist.core.report.StoreReport.LayerFigures;
import com.shopassist.core.report.StoreReport.ModelUsage;
import com.shopassist.core.report.StoreReport.Sales;
import com.shopassist.core.report.StoreReport.SearchMiss;
import java.time.Instant;
import java.util.List;

/** Port: what the store report counts, over {@code [from, to)}, across every kiosk. */
public interface ReportRepository {

    List<LayerFigures> layers(Instant from, Instant to);

    /** Chat sessions with at least one turn. */
    long sessions(Instant from, Instant to);

    List<ModelUsage> models(Instant from, Instant to);

    /** The median and 95th percentile of the turns' latency, {@link TurnLatency#NONE} without turns. */
    TurnLatency latency(Instant from, Instant to);

    /** Orders not cancelled, of customers who had a turn with the assistant in the window before ordering. */
    Sales assistedSales(Instant from, Instant to);

    /** Every order not cancelled. */
    Sales allSales(Instant from, Instant to);

    List<SearchMiss> searchMisses(Instant from, Instant to, int limit);
}
