-- Performance (issue 3): a dictionary of the catalog's words for typo correction ("did you mean").
-- A typo ("sneakrs") is corrected to the nearest dictionary word by trigram similarity over a
-- few thousand rows, then the fast full-text pass runs with the corrected word, instead of a
-- trigram similarity against every product name (decision 0050).

CREATE TABLE tbl_search_word (
    word TEXT PRIMARY KEY
);
CREATE INDEX ix_search_word_trgm ON tbl_search_word USING gin (word gin_trgm_ops);

-- the words of a name or brand as the dictionary keeps them: lower case, letters and digits,
-- at least 3 characters and not only digits (a model number is no typo target)
CREATE FUNCTION search_words_of(txt TEXT) RETURNS SETOF TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT DISTINCT w FROM regexp_split_to_table(lower(txt), '[^[:alnum:]]+') AS w
    WHERE length(w) >= 3 AND w !~ '^[0-9]+$'
$$;

INSERT INTO tbl_search_word (word)
SELECT search_words_of(product_name) FROM tbl_product
UNION
SELECT search_words_of(product_brand) FROM tbl_product
ON CONFLICT DO NOTHING;

-- kept by the database itself, whoever writes products (seeder, back office, tests). Words of
-- renamed or removed products stay: a correction to a word without hits just finds nothing.
CREATE FUNCTION search_words_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tbl_search_word (word)
    SELECT search_words_of(n.product_name) FROM new_products n
    UNION
    SELECT search_words_of(n.product_brand) FROM new_products n
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER trg_product_search_words_insert
    AFTER INSERT ON tbl_product
    REFERENCING NEW TABLE AS new_products
    FOR EACH STATEMENT EXECUTE FUNCTION search_words_add_inserted();

-- row level with a column list: stock updates (reserved_quantity) never fire it
CREATE FUNCTION search_words_add_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tbl_search_word (word)
    SELECT search_words_of(NEW.product_name)
    UNION
    SELECT search_words_of(NEW.product_brand)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER trg_product_search_words_update
    AFTER UPDATE OF product_name, product_brand ON tbl_product
    FOR EACH ROW
    WHEN (OLD.product_name IS DISTINCT FROM NEW.product_name OR OLD.product_brand IS DISTINCT FROM NEW.product_brand)
    EXECUTE FUNCTION search_words_add_renamed();
