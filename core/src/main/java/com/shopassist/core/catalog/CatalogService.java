package com.shopassist.core.catalog;

import com.shopassist.core.common.Page;
import java.util.List;
import java.util.Optional;

/** Read side of the catalog. Results may come from cache (categories 1 h, queries 15 min). */
public interface CatalogService {

    Page<Product> search(ProductQuery query);

    Optional<Product> product(long productId);

    /** Products by id, in the order given; unknown ids are left out. */
    List<Product> products(List<Long> productIds);

    Optional<Product> byBarcode(String barcode);

    /** Best matches for a product name typed by a person (typos tolerated), best first. */
    List<Product> findByName(String name, int limit);

    List<Category> categories();

    Optional<Category> categoryByName(String name);

    List<Brand> brands();

    Page<Product> productsByCategory(long categoryId, int page, int pageSize);

    /** Up to {@code limit} in-stock products of the same category with the nearest price. */
    List<Product> alternatives(long productId, int limit);
}
