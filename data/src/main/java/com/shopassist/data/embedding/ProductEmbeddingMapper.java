package com.shopassist.data.embedding;

import com.shopassist.data.db.SqlMapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

/** tbl_product_embedding. */
public interface ProductEmbeddingMapper extends SqlMapper {

    /** A product to embed, with the parts of its text. */
    record TextRow(long productId, String productName, String productBrand, String categoryName, String description) {}

    /** One stored vector as bytes. */
    record VectorRow(long productId, byte[] embedding) {}

    List<TextRow> missing(@Param("model") String model, @Param("limit") int limit);

    int upsert(@Param("model") String model, @Param("dims") int dims, @Param("rows") List<VectorRow> rows);

    void all(@Param("model") String model, ResultHandler<VectorRow> handler);

    long count(@Param("model") String model);

    long countMissing(@Param("model") String model);
}
