package com.shopassist.ai.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Word lists and phrase tables of one area of the assistant, kept as text beside its code: two
 * UTF-8 resources, {@code <name>.en.txt} and {@code <name>.id.txt}, one per language. A line
 * {@code [section]} starts a list; each further line is one phrase (lower case, words separated
 * by one space) or, in a table, {@code key = value}; lines starting with {@code #} are comments.
 * Each file is read once per process, however many classes ask for it. Asking for a section
 * neither file has is an error, so a misspelt name fails the first test that loads it instead of
 * silently matching nothing.
 */
public final class WordBook {

    private final String source;
    private final Map<Lang, Map<String, List<String>>> sections = new EnumMap<>(Lang.class);

    private WordBook(String source) {
        this.source = source;
    }

    /** Every book read so far: a file several classes use (the yes/no words) is read once. */
    private static final Map<String, WordBook> LOADED = new ConcurrentHashMap<>();

    /** Reads {@code <base>.en.txt} and {@code <base>.id.txt}; {@code base} is an absolute resource path. */
    public static WordBook load(String base) {
        return LOADED.computeIfAbsent(base, WordBook::read);
    }

    private static WordBook read(String base) {
        WordBook book = new WordBook(base);
        for (Lang lang : Lang.values()) {
            String path = base + "." + lang.code() + ".txt";
            try (InputStream in = WordBook.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("missing word list " + path);
                book.sections.put(lang, parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(path, e);
            }
        }
        return book;
    }

    /** {@code name}.en.txt and .id.txt in the package of {@code owner}. */
    public static WordBook load(Class<?> owner, String name) {
        return load("/" + owner.getPackageName().replace('.', '/') + "/" + name);
    }

    private static Map<String, List<String>> parse(InputStream in) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            if (s.startsWith("[") && s.endsWith("]")) {
                current = out.computeIfAbsent(s.substring(1, s.length() - 1).strip(), k -> new ArrayList<>());
            } else if (current == null) {
                throw new IllegalStateException("a phrase before the first [section]: " + s);
            } else {
                current.add(s);
            }
        }
        return out;
    }

    /** The phrases of a section in one language. */
    public List<String> list(String section, Lang lang) {
        known(section);
        return List.copyOf(sections.get(lang).getOrDefault(section, List.of()));
    }

    /** The phrases of a section in both languages, English first, each once. */
    public List<String> list(String section) {
        known(section);
        Set<String> all = new LinkedHashSet<>();
        for (Lang lang : Lang.values()) all.addAll(sections.get(lang).getOrDefault(section, List.of()));
        return List.copyOf(all);
    }

    /** {@link #list(String)} as a set, for lookups. */
    public Set<String> set(String section) {
        return Set.copyOf(list(section));
    }

    /** A table of {@code key = value} lines, both languages, English first; a key's first value wins. */
    public Map<String, String> map(String section) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : list(section)) {
            int eq = line.indexOf('=');
            if (eq <= 0) throw new IllegalStateException(source + " [" + section + "]: not key = value: " + line);
            out.putIfAbsent(
                    line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return Collections.unmodifiableMap(out);
    }

    /** A table whose values are whole numbers. */
    public Map<String, Long> numbers(String section) {
        Map<String, Long> out = new LinkedHashMap<>();
        map(section).forEach((k, v) -> out.put(k, Long.parseLong(v)));
        return Collections.unmodifiableMap(out);
    }

    /** A table whose values are comma-separated lists ("kantor = office, work"). */
    public Map<String, List<String>> multimap(String section) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        map(section).forEach((k, v) -> out.put(k, List.of(v.split("\\s*,\\s*"))));
        return Collections.unmodifiableMap(out);
    }

    private void known(String section) {
        for (Map<String, List<String>> s : sections.values()) if (s.containsKey(section)) return;
        throw new IllegalArgumentException(source + " has no [" + section + "]");
    }
}
