package com.shopassist.data.upkeep;

import com.shopassist.core.upkeep.SessionSweeper;

/** {@link SessionSweeper} through the database function V150 defines (a kiosk role sees no sessions). */
public final class MyBatisSessionSweeper implements SessionSweeper {

    private final UpkeepMapper mapper;

    public MyBatisSessionSweeper(UpkeepMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public int deleteEndedSessions() {
        return mapper.deleteEndedSessions();
    }
}
