-- byName before decision 0089, #{name} as $1 and #{limit} as $2, ids only
prepare n(text, int) as
    WITH hits AS (
      SELECT p.product_id,
             greatest(similarity(lower(p.product_name), lower($1)),
                      word_similarity(lower($1), lower(p.product_name)),
                      CASE WHEN p.search_vector @@ websearch_to_tsquery('english', $1) THEN 0.5 ELSE 0 END) AS score
      FROM tbl_product p
      WHERE p.is_active
        AND ( lower(p.product_name) % lower($1) OR lower($1) <% lower(p.product_name)
             OR p.search_vector @@ websearch_to_tsquery('english', $1))
      ORDER BY score DESC, p.product_id
      LIMIT $2
    )
    SELECT hits.product_id, 0 AS stage, hits.score, p.product_name FROM hits JOIN tbl_product p ON p.product_id = hits.product_id
    ORDER BY hits.score DESC, p.product_id;
