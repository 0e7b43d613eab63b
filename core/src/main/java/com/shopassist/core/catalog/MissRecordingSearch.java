package com.shopassist.core.catalog;

import com.shopassist.core.common.Page;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SearchService} that writes down the searches that found nothing at all (after every
 * fallback), for the store report's catalog gaps. Only a first page with words counts (a filter
 * alone or a later page is no search a shopper typed); a record that cannot be written is dropped.
 */
public final class MissRecordingSearch implements SearchService {

    private static final Logger LOG = LoggerFactory.getLogger(MissRecordingSearch.class);

    private final SearchService inner;
    private final SearchMissLog misses;
    private final Clock clock;

    public MissRecordingSearch(SearchService inner, SearchMissLog misses, Clock clock) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.misses = Objects.requireNonNull(misses, "misses");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Page<Product> search(ProductQuery query, String meaning) {
        Page<Product> page = inner.search(query, meaning);
        if (page.items().isEmpty() && page.total() == 0 && query.page() <= 1) {
            String folded =
                    SearchMissLog.fold(query.text() != null && !query.text().isBlank() ? query.text() : meaning);
            if (folded != null) {
                try {
                    misses.record(folded, clock.instant());
                } catch (RuntimeException e) {
                    // the class only: a database error's detail can quote the row, i.e. what the shopper typed
                    LOG.warn(
                            "a search that found nothing was not recorded: {}",
                            e.getClass().getSimpleName());
                }
            }
        }
        return page;
    }

    @Override
    public List<Product> nearInMeaning(String text, ProductQuery filters, int limit) {
        return inner.nearInMeaning(text, filters, limit);
    }
}
