package com.shopassist.data.seed;

import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** Seed bookkeeping: what {@code db seed} wrote, and whether the database holds data already. */
public interface SeedRunMapper extends SqlMapper {

    void insert(
            @Param("seedVersion") int seedVersion,
            @Param("catalogSize") int catalogSize,
            @Param("seededAt") Instant seededAt,
            @Param("tookMs") long tookMs);

    /** The latest seed run, or null when the database was never seeded. */
    SeedRun latest();

    /** How many of the tables a seed fills (products, categories, vouchers, customers, orders) hold rows. */
    long nonEmptyShopTables();
}
