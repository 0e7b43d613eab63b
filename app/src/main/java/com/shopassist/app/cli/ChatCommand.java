package com.shopassist.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProductCard;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.customer.AuthenticationException;
import com.shopassist.core.customer.Customer;
import com.shopassist.core.customer.CustomerService;
import com.shopassist.core.customer.Session;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.replica.StoreStatus.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code shopassist chat [--json] [--offline] [--customer EMAIL [--clerk EMAIL]]}: talk to the
 * assistant in a terminal. One message per line on stdin; with {@code --json} one JSON object per
 * reply on stdout (docs/chat-protocol.md lists the fields), otherwise readable text. Without
 * {@code --customer} it is a guest kiosk session; with it, someone acting for that customer: the
 * store owner's database role (IT's scripts), or a clerk who signs in with {@code --clerk} and the
 * password in {@value #CLERK_PASSWORD_ENV} (decision 0080). Empty lines get an answer too; end of
 * input ends with exit code 0.
 */
public final class ChatCommand {
    private ChatCommand() {}

    public static final String USAGE = """
            Usage: shopassist chat [--json] [--offline] [--customer EMAIL [--clerk EMAIL]]
              --json            one JSON object per reply on stdout (for scripts and tests)
              --offline         the offline assistant only (no Gemini)
              --customer EMAIL  act for this customer; default: a guest kiosk session
              --clerk EMAIL     the clerk who acts, signed in with the password in SHOPASSIST_CLERK_PASSWORD
                                (needed unless the database user is the store owner's role)
            Reads one message per line on stdin until end of input.
            """;

    static final String CLERK_PASSWORD_ENV = "SHOPASSIST_CLERK_PASSWORD";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static int run(AppWiring app, List<String> args, InputStream in, PrintStream out, PrintStream err) {
        boolean json = false;
        boolean offline = false;
        String email = null;
        String clerkEmail = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--offline" -> offline = true;
                case "--customer" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        err.println("chat: --customer needs an email");
                        return 2;
                    }
                    email = args.get(++i);
                }
                case "--clerk" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        err.println("chat: --clerk needs the clerk's email");
                        return 2;
                    }
                    clerkEmail = args.get(++i);
                }
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--customer=")) {
                        email = a.substring("--customer=".length());
                    } else if (a.startsWith("--clerk=")) {
                        clerkEmail = a.substring("--clerk=".length());
                    } else {
                        err.println("chat: unknown option '" + a + "' (try chat --help)");
                        return 2;
                    }
                }
            }
        }
        // stdout carries replies only: a first-start seed reports on stderr
        app.setSeedReport(err);
        CustomerService customers = app.services().customers();

        if (clerkEmail != null && email == null) {
            err.println("chat: --clerk goes with --customer EMAIL, the customer the clerk serves");
            return 2;
        }
        Customer customer = null;
        Session clerk = null;
        if (email != null) {
            if (clerkEmail != null) {
                String password = app.setting("", CLERK_PASSWORD_ENV, null);
                if (password == null) {
                    err.println("chat: --clerk reads the clerk's password from " + CLERK_PASSWORD_ENV
                            + ", which is not set");
                    return 2;
                }
                try {
                    clerk = customers.login(clerkEmail.trim(), password.toCharArray());
                } catch (AuthenticationException e) {
                    err.println("chat: the clerk could not sign in: " + e.getMessage());
                    return 2;
                }
                if (clerk.customer().role() != Customer.Role.CLERK) {
                    customers.logout(clerk.token());
                    err.println("chat: " + clerkEmail.trim() + " is not a clerk's account");
                    return 2;
                }
            } else if (!app.database().isOwnerRole()) {
                err.println("chat: --customer acts for a customer: it needs the store owner's database role, or"
                        + " --clerk EMAIL with the clerk's password in " + CLERK_PASSWORD_ENV);
                return 2;
            }
            String wanted = email.trim();
            Optional<Customer> found = customers.lookup(wanted, 5).stream()
                    .filter(c -> c.email().equalsIgnoreCase(wanted))
                    .findFirst();
            if (found.isEmpty()) {
                if (clerk != null) customers.logout(clerk.token());
                err.println("chat: no customer with email " + wanted);
                return 2;
            }
            customer = found.get();
            if (clerk != null) customers.serve(customer.id());
        }
        try {
            return converse(app, customer, clerk, offline, json, in, out);
        } finally {
            if (clerk != null) customers.logout(clerk.token());
        }
    }

    private static int converse(
            AppWiring app,
            Customer customer,
            Session clerk,
            boolean offline,
            boolean json,
            InputStream in,
            PrintStream out) {
        ShoppingAssistant assistant = app.assistant(offline ? AssistantMode.OFFLINE_ONLY : AssistantMode.CHAIN);
        StoreStatus store = app.storeStatus();

        CartOwner owner =
                customer != null ? CartOwner.customer(customer.id()) : CartOwner.guest("cli-" + UUID.randomUUID());
        Locale locale = Locale.forLanguageTag(app.setting("ui.language", "SHOPASSIST_LANGUAGE", "en"));
        Long clerkId = clerk == null ? null : clerk.customer().id();
        ChatContext chat = new ChatContext(UUID.randomUUID(), owner, customer, clerkId, locale);

        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            if (!json) {
                out.println(
                        customer == null
                                ? "Guest session. Type a message; end with Ctrl-D."
                                : "Acting for " + customer.fullName() + " <" + customer.email()
                                        + ">. End with Ctrl-D.");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                AssistantReply reply;
                try {
                    reply = assistant.reply(chat, line);
                } catch (RuntimeException e) {
                    // the assistants promise not to throw; a terminal still gets an answer if one does
                    reply = new AssistantReply(
                            "Sorry, something went wrong. Please try again.",
                            "en",
                            List.of(),
                            null,
                            null,
                            List.of(),
                            "fallback",
                            List.of());
                }
                out.println(json ? toJson(reply, store.source(), app.outboxWaiting()) : toText(reply));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading stdin failed", e);
        }
        return 0;
    }

    /**
     * One reply as docs/chat-protocol.md documents it: snake_case, prices in whole rupiah;
     * {@code store} says which database answered (the store's, or this kiosk's local replica);
     * {@code outbox} is how many cart changes of this kiosk wait to be sent to the store.
     */
    public static String toJson(AssistantReply r, Source store, int outbox) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", r.text());
        m.put("language", r.language());
        List<Object> products = new ArrayList<>();
        for (ProductCard p : r.products()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", p.id());
            x.put("name", p.name());
            x.put("brand", p.brand());
            x.put("price", p.price().toLong());
            x.put("available", p.available());
            products.add(x);
        }
        m.put("products", products);
        m.put("cart", r.cart() == null ? null : ToolJson.cart(r.cart()));
        if (r.action() == null) {
            m.put("action", null);
        } else {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", r.action().id());
            a.put("kind", r.action().kind().name().toLowerCase(Locale.ROOT));
            a.put("summary", r.action().summary());
            m.put("action", a);
        }
        m.put("tools", r.tools());
        m.put("assistant", r.assistant());
        m.put("store", store == Source.LOCAL ? "local" : "shared");
        m.put("outbox", outbox);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            return "{\"text\":\"Sorry, something went wrong.\",\"language\":\"en\",\"products\":[],\"cart\":null,"
                    + "\"action\":null,\"tools\":[],\"assistant\":\"fallback\",\"store\":\""
                    + (store == Source.LOCAL ? "local" : "shared") + "\",\"outbox\":" + outbox + "}";
        }
    }

    private static String toText(AssistantReply r) {
        StringBuilder sb = new StringBuilder(r.text());
        if (!r.suggestions().isEmpty())
            sb.append("\n  [").append(String.join("] [", r.suggestions())).append(']');
        return sb.append('\n').toString();
    }
}
