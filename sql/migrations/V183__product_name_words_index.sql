-- The words of a product's name and brand (the part of search_vector weighted 'A'), for the
-- bounded search (CatalogMapper.search, decision 0109): a search reads at most a bounded number of
-- hits, and the products named for the words are taken from this index as a second bounded source,
-- so a product named "Rice Cooker" is never left behind the bound among thousands that mention
-- rice cookers only in their description. search_vector's own index cannot tell a name's word
-- from a description's (GIN keeps no weights: a ':A' query rechecks every hit's heap row).
-- A plain build in the migration's transaction, as the other index migrations: writes to
-- tbl_product wait while it runs (seconds at 100,000 products, about a minute at 1,000,000);
-- reads go on. A store with millions of products runs it in a quiet hour.
CREATE INDEX ix_product_name_words ON tbl_product
    USING gin ((to_tsvector('english', coalesce(product_name, '')) || to_tsvector('english', coalesce(product_brand, ''))))
    WHERE is_active;
