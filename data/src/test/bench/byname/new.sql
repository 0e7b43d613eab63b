-- A hand copy of byName in CatalogMapper.xml (decision 0089): re-copy it from the mapper before
-- measuring, it does not follow the mapper by itself. #{name} as $1 and #{limit} as $2, ids only
prepare n(text, int) as
    WITH q AS MATERIALIZED (
      SELECT lower($1) AS n, plainto_tsquery('english', $1) AS ts
    ), found AS MATERIALIZED (
      (SELECT p.product_id, 1 AS stage, 1.0::real AS score, 1.0::real AS tie
       FROM tbl_product p
       WHERE lower(p.product_name) = (SELECT n FROM q) AND p.is_active
       ORDER BY p.product_id
       LIMIT $2)
      UNION ALL
      (SELECT w.product_id, 2, w.score, w.score
       FROM (SELECT p.product_id, similarity(lower(p.product_name), (SELECT n FROM q)) AS score
             FROM tbl_product p
             WHERE p.search_vector @@ (SELECT ts FROM q) AND p.is_active
               AND lower(p.product_name) <> (SELECT n FROM q)
             LIMIT 500) w
       ORDER BY w.score DESC, w.product_id
       LIMIT $2)
    ), fixed AS MATERIALIZED (
      SELECT plainto_tsquery('english', string_agg(CASE
               WHEN length(t.w) < 3 OR t.w ~ '^[0-9]+$' THEN t.w
               WHEN EXISTS (SELECT 1 FROM tbl_search_word d WHERE d.word = t.w) THEN t.w
               ELSE COALESCE((SELECT d.word FROM tbl_search_word d WHERE d.word % t.w
                              ORDER BY similarity(d.word, t.w) DESC, d.word LIMIT 1), t.w)
             END, ' ' ORDER BY t.i)) AS ts
      FROM regexp_split_to_table((SELECT n FROM q), '[^[:alnum:]]+') WITH ORDINALITY AS t(w, i)
      WHERE t.w <> ''
    ), corrected AS MATERIALIZED (
      SELECT w.product_id, 3 AS stage, w.score, w.score AS tie
      FROM (SELECT p.product_id, similarity(lower(p.product_name), (SELECT n FROM q)) AS score
            FROM tbl_product p
            WHERE NOT EXISTS (SELECT 1 FROM found)
              AND p.search_vector @@ (SELECT ts FROM fixed) AND p.is_active
            LIMIT 500) w
      ORDER BY w.score DESC, w.product_id
      LIMIT $2
    ), hits AS (
      (SELECT f.product_id, f.stage, f.score, f.tie FROM found f
       ORDER BY f.stage, f.score DESC, f.product_id
       LIMIT $2)
      UNION ALL
      (SELECT c.product_id, c.stage, c.score, c.tie FROM corrected c)
      UNION ALL
      (SELECT t.product_id, 4, t.score, t.tie
       FROM (SELECT p.product_id,
                    greatest(word_similarity((SELECT n FROM q), lower(p.product_name)),
                             similarity(lower(p.product_name), (SELECT n FROM q))) AS score,
                    similarity(lower(p.product_name), (SELECT n FROM q)) AS tie
             FROM tbl_product p
             WHERE NOT EXISTS (SELECT 1 FROM found) AND NOT EXISTS (SELECT 1 FROM corrected)
               AND p.is_active
               AND (lower(p.product_name) % (SELECT n FROM q) OR (SELECT n FROM q) <% lower(p.product_name))) t
       ORDER BY t.score DESC, t.tie DESC, t.product_id
       LIMIT $2)
    )
    SELECT hits.product_id, hits.stage, hits.score, p.product_name
    FROM hits JOIN tbl_product p ON p.product_id = hits.product_id
    ORDER BY hits.stage, hits.score DESC, hits.tie DESC, p.product_id
;
