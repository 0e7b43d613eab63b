package com.shopassist.ai.archcontrol;

import com.shopassist.data.db.Database;

/** A control for ArchitectureTest: a tool reaching into the data module. Never used. */
public final class ToolReadingData {
    Database db;
}
