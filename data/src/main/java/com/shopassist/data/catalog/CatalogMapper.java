package com.shopassist.data.catalog;

import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Catalog reads. Every statement counts only holds live at {@code now}. */
public interface CatalogMapper extends SqlMapper {

    List<ProductRow> search(SearchParams p);

    long searchCount(SearchParams p);

    /**
     * The space-separated words with each replaced by the nearest catalog word by trigram
     * similarity (itself if it is one, unchanged if nothing is near); same order and count.
     */
    String correctWords(@Param("words") String words);

    List<ProductRow> byIds(@Param("ids") Collection<Long> ids, @Param("now") Instant now);

    List<ProductRow> byBarcode(@Param("barcode") String barcode, @Param("now") Instant now);

    List<ProductRow> byName(@Param("name") String name, @Param("limit") int limit, @Param("now") Instant now);

    List<CategoryRow> categories();

    List<BrandRow> brands();

    List<ProductRow> alternatives(
            @Param("productId") long productId, @Param("limit") int limit, @Param("now") Instant now);

    /** A category and its active product count. */
    record CategoryRow(long id, String name, String nameId, long productCount) {}

    /** A brand and its active product count. */
    record BrandRow(String name, long productCount) {}
}
