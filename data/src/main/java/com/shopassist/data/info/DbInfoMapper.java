package com.shopassist.data.info;

import com.shopassist.data.db.SqlMapper;

/** Counts for {@code db info}. */
public interface DbInfoMapper extends SqlMapper {

    DatabaseCounts counts();

    /**
     * Orders no demo seed wrote: placed after the latest seed, or any order when the database was
     * never seeded. {@code db seed --reset} refuses to delete them without being told so.
     */
    long realOrders();
}
