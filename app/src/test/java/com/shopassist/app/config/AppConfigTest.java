package com.shopassist.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.data.db.DbSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @TempDir
    Path dir;

    private AppConfig resolve(Map<String, String> env, String... args) {
        return AppConfig.resolve(GlobalOptions.parse(List.of(args)), env);
    }

    @Test
    void noDatabaseConfiguredMeansTheEmbeddedOne() {
        assertThat(resolve(Map.of(), "--data-dir", dir.toString()).externalDatabase())
                .isEmpty();
    }

    @Test
    void commandLineBeatsEnvironmentWhichBeatsTheConfigFile() throws IOException {
        Path file = dir.resolve("shop.properties");
        Files.writeString(file, "db.url=jdbc:postgresql://file/db\ndb.user=fileuser\ndb.password=filepw\n");
        Map<String, String> env =
                Map.of("SHOPASSIST_DB_URL", "jdbc:postgresql://env/db", "SHOPASSIST_DB_USER", "envuser");

        DbSettings fromFile = resolve(Map.of(), "--config", file.toString())
                .externalDatabase()
                .orElseThrow();
        assertThat(fromFile.jdbcUrl()).isEqualTo("jdbc:postgresql://file/db");
        assertThat(fromFile.user()).isEqualTo("fileuser");
        assertThat(fromFile.password()).isEqualTo("filepw");
        assertThat(fromFile.source()).isEqualTo("config file");

        DbSettings fromEnv =
                resolve(env, "--config", file.toString()).externalDatabase().orElseThrow();
        assertThat(fromEnv.jdbcUrl()).isEqualTo("jdbc:postgresql://env/db");
        assertThat(fromEnv.user()).isEqualTo("envuser");
        assertThat(fromEnv.password()).as("each value is resolved on its own").isEqualTo("filepw");
        assertThat(fromEnv.source()).isEqualTo("environment");

        DbSettings fromArgs = resolve(
                        env,
                        "--config",
                        file.toString(),
                        "--db-url=jdbc:postgresql://cli/db",
                        "--db-user",
                        "cliuser",
                        "--db-password",
                        "clipw")
                .externalDatabase()
                .orElseThrow();
        assertThat(fromArgs.jdbcUrl()).isEqualTo("jdbc:postgresql://cli/db");
        assertThat(fromArgs.user()).isEqualTo("cliuser");
        assertThat(fromArgs.password()).isEqualTo("clipw");
        assertThat(fromArgs.source()).isEqualTo("command line");
    }

    @Test
    void aReadReplicaHasItsOwnSettingsEachElseThePrimarysOwn() throws IOException {
        Path file = dir.resolve("replica.properties");
        Files.writeString(
                file,
                "db.url=jdbc:postgresql://primary/db\ndb.user=kiosk\ndb.password=pw\n"
                        + "db.read-url=jdbc:postgresql://replica/db\n");

        DbSettings inherited =
                resolve(Map.of(), "--config", file.toString()).readReplica().orElseThrow();
        assertThat(inherited.jdbcUrl()).isEqualTo("jdbc:postgresql://replica/db");
        assertThat(inherited.user())
                .as("a streaming replica has the primary's roles")
                .isEqualTo("kiosk");
        assertThat(inherited.password()).isEqualTo("pw");
        assertThat(inherited.source()).isEqualTo("config file");

        DbSettings own = resolve(
                        Map.of("SHOPASSIST_DB_READ_USER", "reader", "SHOPASSIST_DB_READ_PASSWORD", "readpw"),
                        "--config",
                        file.toString(),
                        "--db-read-url=jdbc:postgresql://cli-replica/db")
                .readReplica()
                .orElseThrow();
        assertThat(own.jdbcUrl()).isEqualTo("jdbc:postgresql://cli-replica/db");
        assertThat(own.user()).isEqualTo("reader");
        assertThat(own.password()).isEqualTo("readpw");
        assertThat(own.source()).isEqualTo("command line");
    }

    @Test
    void aReadReplicaWithoutAStoreDatabaseIsNotUsed() {
        assertThat(resolve(
                                Map.of("SHOPASSIST_DB_READ_URL", "jdbc:postgresql://replica/db"),
                                "--data-dir",
                                dir.toString())
                        .readReplica())
                .isEmpty();
    }

    @Test
    void configFileInTheDataFolderIsFoundWithoutBeingNamed() throws IOException {
        Files.writeString(dir.resolve(AppConfig.CONFIG_FILE_NAME), "kiosk.idle-seconds=45\n");
        AppConfig config = resolve(Map.of(), "--data-dir", dir.toString());
        assertThat(config.configFile()).contains(dir.resolve(AppConfig.CONFIG_FILE_NAME));
        assertThat(config.intSetting("kiosk.idle-seconds", "SHOPASSIST_KIOSK_IDLE_SECONDS", 90))
                .isEqualTo(45);
    }

    @Test
    void settingPrefersTheEnvironmentThenTheFileThenTheDefault() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "gemini.api-key=from-file\n");
        assertThat(resolve(Map.of("GEMINI_API_KEY", "from-env"), "--config", file.toString())
                        .setting("gemini.api-key", "GEMINI_API_KEY", null))
                .isEqualTo("from-env");
        assertThat(resolve(Map.of("GEMINI_API_KEY", " "), "--config", file.toString())
                        .setting("gemini.api-key", "GEMINI_API_KEY", null))
                .as("blank counts as absent")
                .isEqualTo("from-file");
        assertThat(resolve(Map.of(), "--data-dir", dir.toString()).setting("gemini.api-key", "GEMINI_API_KEY", "none"))
                .isEqualTo("none");
    }

    @Test
    void notANumberIsAnErrorNamingTheKey() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "kiosk.idle-seconds=soon\n");
        AppConfig config = resolve(Map.of(), "--config", file.toString());
        assertThatThrownBy(() -> config.intSetting("kiosk.idle-seconds", null, 90))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kiosk.idle-seconds");
    }

    @Test
    void aConfigFileThatIsNotThereIsAnError() {
        assertThatThrownBy(() -> resolve(
                        Map.of(), "--config", dir.resolve("missing.properties").toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Config file not found");
    }

    @Test
    void dataFolderComesFromOptionThenEnvironmentThenFileThenPlatform() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(
                file, "data.dir=" + dir.resolve("from-file").toString().replace("\\", "/") + "\n");
        assertThat(resolve(Map.of(), "--config", file.toString()).dataDir()).isEqualTo(dir.resolve("from-file"));
        assertThat(resolve(Map.of("SHOPASSIST_DATA_DIR", dir.resolve("env").toString()), "--config", file.toString())
                        .dataDir())
                .isEqualTo(dir.resolve("env"));
        assertThat(resolve(Map.of("XDG_DATA_HOME", dir.toString())).dataDir())
                .isEqualTo(AppConfig.defaultDataDir(Map.of("XDG_DATA_HOME", dir.toString()))
                        .toAbsolutePath());
    }

    @Test
    void optionsAreTakenOutWhereverTheyStandAndThePasswordIsNotPrinted() {
        GlobalOptions o = GlobalOptions.parse(List.of("db", "--db-password", "s3cret", "info", "--json", "-v"));
        assertThat(o.rest()).containsExactly("db", "info", "--json");
        assertThat(o.verbose()).isTrue();
        assertThat(o.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> GlobalOptions.parse(List.of("--db-url")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--db-url needs a value");
    }
}
