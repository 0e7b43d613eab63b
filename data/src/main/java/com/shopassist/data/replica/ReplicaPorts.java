package com.shopassist.data.replica;

import com.shopassist.core.catalog.CatalogRepository;
import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.stock.StockRepository;
import com.shopassist.core.voucher.VoucherRepository;
import java.util.Objects;

/** The ports that read the local replica: what answers while the store database does not. */
public record ReplicaPorts(
        CatalogRepository catalog,
        StockRepository stock,
        VoucherRepository vouchers,
        ProductEmbeddingRepository embeddings) {

    public ReplicaPorts {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(vouchers, "vouchers");
        Objects.requireNonNull(embeddings, "embeddings");
    }
}
