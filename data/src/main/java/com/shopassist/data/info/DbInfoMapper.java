package com.shopassist.data.info;

import com.shopassist.data.db.SqlMapper;

/** Counts for {@code db info}. */
public interface DbInfoMapper extends SqlMapper {

    DatabaseCounts counts();
}
