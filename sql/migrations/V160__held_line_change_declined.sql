-- Decision 0113: the one-statement change of a cart line that holds stock (adding more of a
-- product already in the cart, setting its quantity) calls this when the product's free stock is
-- short or the product is inactive, so the line and hold it changed before the product row roll
-- back with the statement. The repository catches SQLSTATE SAH01 and takes the ordinary path.
CREATE FUNCTION stock_line_change_declined() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RAISE EXCEPTION 'cart line change declined: too little free stock, or the product is inactive'
        USING ERRCODE = 'SAH01';
END
$$;

REVOKE ALL ON FUNCTION stock_line_change_declined() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stock_line_change_declined() TO shopassist_kiosk;
