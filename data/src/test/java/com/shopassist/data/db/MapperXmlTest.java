package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mapper XML binds values with {@code #{}} only. {@code ${}} pastes text into the SQL itself, so one
 * shopper's search words could become a statement: no mapper may contain it, in SQL or anywhere else.
 */
class MapperXmlTest {

    /** The data module's resources (surefire runs tests from the module's folder). */
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void noMapperXmlPastesTextIntoSql() {
        List<Path> mappers = mapperFiles(RESOURCES);
        // a scan that finds no file would pass for the wrong reason
        assertThat(mappers)
                .as("mapper XML under " + RESOURCES.toAbsolutePath())
                .hasSizeGreaterThanOrEqualTo(10)
                .anyMatch(p -> p.endsWith(Path.of("com", "shopassist", "data", "cart", "CartMapper.xml")));

        assertThat(dollarSubstitutions(RESOURCES))
                .as("${...} in mapper XML: bind the value with #{...} instead")
                .isEmpty();
    }

    @Test
    void aDollarSubstitutionInARealMapperIsFoundWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path original = RESOURCES.resolve(Path.of("com", "shopassist", "data", "cart", "CartMapper.xml"));
        List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
        int at = lines.size() / 2;
        lines.add(at, "  <select id=\"byName\">select * from tbl_product where product_name = '${name}'</select>");
        Path copy = dir.resolve("cart").resolve("CartMapper.xml");
        Files.createDirectories(copy.getParent());
        Files.write(copy, lines, StandardCharsets.UTF_8);

        assertThat(dollarSubstitutions(dir)).containsExactly("cart/CartMapper.xml:" + (at + 1) + ": ${name}");
    }

    @Test
    void hashBindingsAndOtherXmlAreLeftAlone(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("GoodMapper.xml"),
                "<mapper namespace=\"x\">\n<select id=\"a\">select #{id}, '$' || 'x'</select>\n</mapper>\n");
        // not a mapper (no <mapper> element): a config file's ${} is a property, not SQL
        Files.writeString(dir.resolve("logback.xml"), "<configuration><file>${LOG_DIR}/x.log</file></configuration>");

        assertThat(mapperFiles(dir)).hasSize(1);
        assertThat(dollarSubstitutions(dir)).isEmpty();
    }

    /** Every {@code ${...}} in the mapper XML under {@code root}, as "path:line: ${...}". */
    static List<String> dollarSubstitutions(Path root) {
        List<String> found = new ArrayList<>();
        for (Path file : mapperFiles(root)) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (int at = line.indexOf("${"); at >= 0; at = line.indexOf("${", at + 2)) {
                    int end = line.indexOf('}', at);
                    String token = end < 0 ? line.substring(at) : line.substring(at, end + 1);
                    found.add(root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ": " + token);
                }
            }
        }
        return found;
    }

    static List<Path> mapperFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> String.join("\n", read(p)).contains("<mapper"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
