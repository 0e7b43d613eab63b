package com.shopassist.data.upkeep;

import com.shopassist.data.db.SqlMapper;

/** The upkeep statements that belong to no feature's repository. */
public interface UpkeepMapper extends SqlMapper {

    int deleteEndedSessions();
}
