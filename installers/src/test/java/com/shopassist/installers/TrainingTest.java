package com.shopassist.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.installers.AppImage.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {

    @TempDir
    Path dir;

    static final String CFG = """
            [Application]
            app.classpath=$APPDIR/shopassist.jar
            app.mainclass=com.shopassist.app.Main

            [JavaOptions]
            java-options=-Djpackage.app-version=1.0.0
            java-options=-XX:+UseSerialGC
            """;

    @Test
    void theLauncherIsPointedAtTheArchiveOnceHoweverOftenItIsDone() throws Exception {
        Path cfg = dir.resolve("ShopAssist.cfg");
        Files.writeString(cfg, CFG);
        Training.pointLauncherAt(cfg, "shopassist.aot", JpackageTest.JDK25);
        Training.pointLauncherAt(cfg, "shopassist.aot", JpackageTest.JDK25);
        List<String> lines = Files.readAllLines(cfg);
        assertThat(lines)
                .filteredOn(l -> l.contains("shopassist.aot"))
                .containsExactly(
                        "java-options=-XX:AOTCache=$APPDIR/shopassist.aot",
                        "java-options=-Dshopassist.archive=$APPDIR/shopassist.aot");
        assertThat(lines).contains("java-options=-XX:+UseSerialGC", "app.mainclass=com.shopassist.app.Main");
        assertThat(lines.indexOf("java-options=-XX:AOTCache=$APPDIR/shopassist.aot"))
                .isGreaterThan(lines.indexOf("[JavaOptions]"));
    }

    @Test
    void aDynamicArchiveIsPassedAsSharedArchiveFile() throws Exception {
        Path cfg = dir.resolve("ShopAssist.cfg");
        Files.writeString(cfg, CFG);
        Training.pointLauncherAt(cfg, "shopassist.jsa", new ReleaseJdk(Path.of("/jdk21"), 21, "21.0.5"));
        assertThat(Files.readAllLines(cfg))
                .contains("java-options=-XX:SharedArchiveFile=$APPDIR/shopassist.jsa")
                .noneMatch(l -> l.contains("AOTCache"));
    }

    @Test
    void theTrainingRunsUnderXvfbOnlyWhereThereIsNoDisplay() {
        assertThat(Training.display(Os.LINUX, Map.of("DISPLAY", ":0"), true)).isEmpty();
        assertThat(Training.display(Os.LINUX, Map.of("WAYLAND_DISPLAY", "wayland-0"), true))
                .isEmpty();
        assertThat(Training.display(Os.LINUX, Map.of(), true)).startsWith("xvfb-run", "-a");
        assertThat(Training.display(Os.WINDOWS, Map.of(), false)).isEmpty();
        assertThatThrownBy(() -> Training.display(Os.LINUX, Map.of(), false)).hasMessageContaining("install Xvfb");
    }

    @Test
    void theReleaseJdkIsTheNewestTwentyFiveOrLaterFoundAndAGivenOneWins() throws Exception {
        Path jdks = Files.createDirectories(dir.resolve("jvm"));
        jdk(jdks.resolve("jdk-17"), "17.0.15");
        jdk(jdks.resolve("jdk-25"), "25.0.3");
        jdk(jdks.resolve("jdk-26"), "26.0.1");
        Map<String, String> env = Map.of(
                "JAVA26_HOME",
                jdks.resolve("jdk-26").toString(),
                "JAVA25_HOME",
                jdks.resolve("jdk-25").toString());
        List<Path> folders = List.of(jdks.resolve("jdk-17"), jdks.resolve("jdk-25"), jdks.resolve("jdk-26"), dir);
        ReleaseJdk found = ReleaseJdk.find("", env, jdks.resolve("jdk-17"), folders);
        assertThat(found.feature()).isEqualTo(26);
        assertThat(ReleaseJdk.candidates(env)).contains(jdks.resolve("jdk-26"), jdks.resolve("jdk-25"));
        assertThat(ReleaseJdk.find(jdks.resolve("jdk-25").toString(), env, jdks.resolve("jdk-17"))
                        .version())
                .isEqualTo("25.0.3");
        // none of 25 or later: the JDK running the build, which the packager warns about
        assertThat(ReleaseJdk.find(null, Map.of(), jdks.resolve("jdk-17"), List.of(jdks.resolve("jdk-17")))
                        .feature())
                .isEqualTo(17);
        assertThatThrownBy(() -> ReleaseJdk.find(dir.toString(), env, jdks.resolve("jdk-17")))
                .hasMessageContaining("is not a JDK");
    }

    static void jdk(Path home, String version) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(home.resolve("bin/jlink"), "");
        Files.writeString(home.resolve("bin/jpackage"), "");
    }
}
