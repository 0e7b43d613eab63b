package com.shopassist.core.upkeep;

/** Port: sign-in sessions that ended (expired or signed out) and open nothing any more. */
public interface SessionSweeper {

    /** Deletes the ended sessions; returns how many. */
    int deleteEndedSessions();
}
