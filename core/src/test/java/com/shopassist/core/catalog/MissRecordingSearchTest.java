package com.shopassist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.common.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissRecordingSearchTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    final List<String> recorded = new ArrayList<>();
    boolean findNothing = true;

    final SearchService inner = new SearchService() {
        @Override
        public Page<Product> search(ProductQuery query, String meaning) {
            return findNothing ? new Page<>(List.of(), 0, query.page(), query.pageSize()) : page();
        }

        @Override
        public List<Product> nearInMeaning(String text, ProductQuery filters, int limit) {
            return List.of();
        }
    };

    final SearchMissLog log = new SearchMissLog() {
        @Override
        public void record(String foldedQuery, Instant at) {
            recorded.add(foldedQuery + " at " + at);
        }

        @Override
        public int deleteBefore(Instant before) {
            return 0;
        }
    };

    static Page<Product> page() {
        return new Page<>(List.of(), 3, 1, 20); // a total without items on this page: something was found
    }

    final SearchService search = new MissRecordingSearch(inner, log, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFirstPageThatFoundNothingIsRecordedFolded() {
        search.search(ProductQuery.text("  Sepatu RODA "), null);

        assertThat(recorded).containsExactly("sepatu roda at " + NOW);
    }

    @Test
    void foundSomethingALaterPageOrNoWordsAtAllIsNotRecorded() {
        search.search(
                new ProductQuery("kaos", null, null, null, null, null, false, ProductSort.RELEVANCE, 2, 20), null);
        search.search(ProductQuery.text(" "), null);
        findNothing = false;
        search.search(ProductQuery.text("batik"), null);

        assertThat(recorded).isEmpty();
    }

    @Test
    void aRecordThatFailsNeverFailsTheSearch() {
        SearchService failing = new MissRecordingSearch(
                inner,
                new SearchMissLog() {
                    @Override
                    public void record(String foldedQuery, Instant at) {
                        throw new IllegalStateException("database away");
                    }

                    @Override
                    public int deleteBefore(Instant before) {
                        return 0;
                    }
                },
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(failing.search(ProductQuery.text("sepatu"), null).items()).isEmpty();
    }
}
