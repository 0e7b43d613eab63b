-- At most one default address per customer. V1 left this to the code, and two concurrent
-- "add a default address" calls could both clear the old default and both insert a new one.
-- Existing duplicates keep the most recently created default; the others become ordinary.
UPDATE tbl_customer_address a
SET is_default = FALSE
WHERE a.is_default
  AND EXISTS (SELECT 1
              FROM tbl_customer_address b
              WHERE b.customer_id = a.customer_id
                AND b.is_default
                AND (b.created_at, b.customer_address_id) > (a.created_at, a.customer_address_id));

CREATE UNIQUE INDEX ux_customer_address_one_default
    ON tbl_customer_address (customer_id) WHERE is_default;
