package com.shopassist.ai.gemini;

import com.shopassist.ai.AssistantChain;
import com.shopassist.data.chat.MyBatisChatRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the chain tests share: a fresh PostgreSQL per class with the real chat repository, a fake
 * Gemini server reset before each test, stub tools, and a chain pointed at the fake.
 */
abstract class ChainTestBase {

    static Database db;
    static FakeGemini fake;
    static MyBatisChatRepository chats;
    StubShopTools tools;
    AssistantChain chain;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        chats = new MyBatisChatRepository(db);
        fake = FakeGemini.start();
    }

    @AfterAll
    static void down() {
        fake.close();
        db.close();
    }

    @BeforeEach
    void fresh() {
        fake.reset();
        tools = new StubShopTools();
        chain = Harness.chain(settings(), tools, chats, null);
    }

    /** The chain's settings; a test class may change budgets or timeouts. */
    AiSettings settings() {
        return Harness.settings(fake);
    }
}
