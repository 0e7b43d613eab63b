package com.shopassist.app.cli;

import com.shopassist.app.AppContext;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** {@code shopassist chat ...}: a stub until the assistant lands (its owner replaces this file). */
public final class ChatCommand {
    private ChatCommand() {}

    public static int run(AppContext ctx, List<String> args, InputStream in, PrintStream out, PrintStream err) {
        err.println("chat: the assistant is not available yet");
        return 2;
    }
}
