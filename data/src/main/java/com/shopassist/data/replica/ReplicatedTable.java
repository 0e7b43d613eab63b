package com.shopassist.data.replica;

import java.util.List;
import java.util.Map;

/**
 * One table the kiosk's local replica copies from the shared database, and how: the columns (the
 * same in both, by the same migrations), the key, and for each other unique column what a row
 * that must let go of its value is given until the refresh has settled (see
 * {@link ReplicaRefresh}). Every name here is a constant of this class, never input: the SQL built
 * from them has no place for a value.
 *
 * @param removable whether rows deleted in the shared database are looked for and deleted here
 * @param changeTracked whether the table has {@code change_xid} (V120), so that a refresh reads only
 *     what changed; otherwise every live row is copied each time
 */
record ReplicatedTable(
        String name,
        String key,
        List<String> columns,
        Map<String, String> parkedValues,
        boolean removable,
        boolean changeTracked) {

    static final ReplicatedTable CATEGORIES = new ReplicatedTable(
            "tbl_product_category",
            "product_category_id",
            List.of("product_category_id", "category_name", "category_name_id", "description", "created_at"),
            Map.of("category_name", "'replica-parked-' || product_category_id"),
            true,
            true);

    /** Inactive products too: a product taken off sale must stop showing on the kiosk as well. */
    static final ReplicatedTable PRODUCTS = new ReplicatedTable(
            "tbl_product",
            "product_id",
            List.of(
                    "product_id",
                    "product_category_id",
                    "sku",
                    "barcode",
                    "product_name",
                    "product_brand",
                    "retail_price",
                    "department",
                    "description",
                    "image_ref",
                    "stock_quantity",
                    "reserved_quantity",
                    "low_stock_threshold",
                    "is_active",
                    "created_at",
                    "updated_at"),
            Map.of("sku", "'replica-parked-' || product_id", "barcode", "NULL"),
            true,
            true);

    static final ReplicatedTable VOUCHERS = new ReplicatedTable(
            "tbl_voucher",
            "voucher_id",
            List.of(
                    "voucher_id",
                    "voucher_code",
                    "description",
                    "discount_type",
                    "discount_value",
                    "min_purchase",
                    "max_discount",
                    "usage_limit",
                    "used_count",
                    "valid_from",
                    "valid_until",
                    "is_active",
                    "created_at"),
            Map.of("voucher_code", "'REPLICA-PARKED-' || voucher_id"),
            true,
            true);

    static final ReplicatedTable EMBEDDINGS = new ReplicatedTable(
            "tbl_product_embedding",
            "product_id",
            List.of("product_id", "model", "dims", "embedding", "created_at"),
            Map.of(),
            true,
            true);

    /** Words are only ever added (decision 0050), so none is looked for to delete. */
    static final ReplicatedTable SEARCH_WORDS =
            new ReplicatedTable("tbl_search_word", "word", List.of("word"), Map.of(), false, true);

    /**
     * Live holds only, without their cart (a cart is a shopper's; cart_id stays NULL): they are few, change by the
     * second, and are replaced whole at each refresh. Offline they keep expiring on time, so stock a
     * cart held comes back as it would online.
     */
    static final ReplicatedTable HOLDS = new ReplicatedTable(
            "tbl_stock_hold",
            "hold_id",
            List.of("hold_id", "product_id", "quantity", "created_at", "expires_at"),
            Map.of(),
            false,
            false);

    /** In the order they are written: a row's parent before it. Deletions go the other way. */
    static final List<ReplicatedTable> ALL = List.of(CATEGORIES, PRODUCTS, VOUCHERS, EMBEDDINGS, SEARCH_WORDS, HOLDS);

    static final List<ReplicatedTable> CHILDREN_FIRST =
            List.of(HOLDS, SEARCH_WORDS, EMBEDDINGS, VOUCHERS, PRODUCTS, CATEGORIES);

    String columnList() {
        return String.join(", ", columns);
    }

    String stage() {
        return "replica_stage_" + name.substring("tbl_".length());
    }
}
