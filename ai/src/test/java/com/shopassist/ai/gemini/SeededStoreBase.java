package com.shopassist.ai.gemini;

import com.shopassist.ai.TestTools;
import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.chat.MyBatisChatRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the chain tests over the real services share: a fresh PostgreSQL seeded with the demo
 * store per class, the tool layer over its services, the real chat repository and a fake Gemini.
 */
abstract class SeededStoreBase {

    static Database db;
    static FakeGemini fake;
    static CommerceServices services;
    static ToolRegistry tools;
    static MyBatisChatRepository chats;

    @BeforeAll
    static void openStore() {
        db = TestDatabase.freshSeeded(8);
        services = CommerceServices.create(db);
        tools = TestTools.over(services);
        chats = new MyBatisChatRepository(db);
        fake = FakeGemini.start();
    }

    @AfterAll
    static void closeStore() {
        fake.close();
        db.close();
    }
}
