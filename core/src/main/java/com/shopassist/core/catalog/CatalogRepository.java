package com.shopassist.core.catalog;

import com.shopassist.core.common.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: the catalog in the store database. Only active products are returned. {@code now} is
 * the instant at which live holds are counted for {@link Product#available()}. Queries arrive
 * already normalised by the service (page and page size in range, text trimmed or null).
 */
public interface CatalogRepository {

    Page<Product> search(ProductQuery query, Instant now);

    /** Products by id, in no particular order; unknown and inactive ids are left out. */
    List<Product> products(Collection<Long> productIds, Instant now);

    Optional<Product> byBarcode(String barcode, Instant now);

    List<Product> findByName(String name, int limit, Instant now);

    List<Category> categories();

    List<Brand> brands();

    /** In-stock products of the same category, nearest price first. */
    List<Product> alternatives(long productId, int limit, Instant now);
}
