-- Decision 0016: a search with a thousand hits reads about one heap page per hit when products of
-- a category are scattered over the table, and about a third of that when they sit together.
-- Marks the category/price index as the table's clustering index, so catalog maintenance after a
-- bulk import is a bare `CLUSTER tbl_product;` (it locks the table while it rewrites it: seconds
-- at 100,000 products). `db seed` of a generated catalog leaves its rows in this order. No rewrite
-- here: the mark only names the order.
ALTER TABLE tbl_product CLUSTER ON ix_product_category_price;
