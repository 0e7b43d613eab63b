package com.shopassist.core.catalog;

import com.shopassist.core.common.Page;
import java.util.List;

/**
 * Product search as a shopper means it, for the assistants and the screens alike: the catalog's
 * keyword search; when the words never appear together, any of them ("keep coffee hot"); and,
 * when a {@link SemanticIndex} is loaded, products near in meaning blended in.
 */
public interface SearchService {

    /**
     * One page of products for {@code query}. {@code meaning} is the ask in natural words for the
     * meaning-based ranking ("something to keep coffee hot"), or null to use the query's text.
     * The total counts at least the products returned.
     */
    Page<Product> search(ProductQuery query, String meaning);

    /** Up to {@code limit} products nearest in meaning to {@code text} that pass the query's filters; empty without an index. */
    List<Product> nearInMeaning(String text, ProductQuery filters, int limit);
}
