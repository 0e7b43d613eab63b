package com.shopassist.installers;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.installers.AppImage.Os;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpackageTest {

    static final ReleaseJdk JDK25 = new ReleaseJdk(Path.of("/jdk25"), 25, "25.0.4");
    static final ReleaseJdk JDK17 = new ReleaseJdk(Path.of("/jdk17"), 17, "17.0.15");
    static final AppImage IMAGE = AppImage.in(Path.of("target/jpackage"), Os.LINUX, "ShopAssist");

    static String after(List<String> cmd, String option) {
        return cmd.get(cmd.indexOf(option) + 1);
    }

    @Test
    void theRuntimeHasOnlyTheModulesThisJdkHasAndNoCdsArchiveBesideAnAotCache() {
        List<String> cmd = Jpackage.jlink(JDK25, List.of("java.base", "java.sql", "jdk.localedata"), Path.of("rt"));
        assertThat(after(cmd, "--add-modules")).isEqualTo("java.base,java.sql,jdk.localedata");
        assertThat(cmd)
                .contains("--strip-debug", "--no-header-files", "--no-man-pages", "--compress=zip-6")
                .doesNotContain("--generate-cds-archive");
        // a dynamic archive needs the JDK's base archive under it
        assertThat(Jpackage.jlink(JDK17, List.of("java.base"), Path.of("rt")))
                .contains("--compress=2", "--generate-cds-archive");
    }

    @Test
    void theDebuggingAndProfilingModulesJdepsNamesAreLeftOut() {
        assertThat(Jpackage.MODULES).doesNotContain("jdk.jdi", "jdk.attach", "java.instrument", "jdk.jfr");
        // Indonesian number and date formats come from the locale data
        assertThat(Jpackage.MODULES).contains("jdk.localedata");
    }

    @Test
    void theLauncherOptionsOfJdk17StartOnJdk17() {
        // options a JDK 17 runtime does not know would stop the app from starting at all
        assertThat(Jpackage.javaOptions(JDK17))
                .doesNotContain("-XX:+UseCompactObjectHeaders", "--enable-native-access=ALL-UNNAMED")
                .noneMatch(o -> o.startsWith("-XX:TrimNativeHeapInterval"));
        assertThat(Jpackage.javaOptions(JDK25))
                .contains("-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders", "--enable-native-access=ALL-UNNAMED");
    }

    @Test
    void aKioskWithAnAotCacheDoesNotReplayItsTrainingAndKeepsASmallHeap() {
        List<String> o = Jpackage.javaOptions(JDK25);
        // the diagnostic flag is refused unless unlocked before it
        assertThat(o).containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");
        assertThat(o).contains("-XX:+UseSerialGC", "-Xmn8m", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=5");
        assertThat(o).doesNotContain("-Xmn16m", "-XX:MaxHeapFreeRatio=20");
        // JDK 17 has no AOT cache and no such flag: it would not start
        assertThat(Jpackage.javaOptions(JDK17)).noneMatch(x -> x.contains("AOTReplayTraining"));
    }

    @Test
    void theAppImageCarriesTheOptionsAndTheKioskFiles() {
        List<String> cmd =
                Jpackage.appImage(JDK25, Path.of("in"), Path.of("rt"), Path.of("out"), "1.0.0", Path.of("linux/kiosk"));
        assertThat(cmd.get(0)).endsWith("jpackage");
        assertThat(after(cmd, "--type")).isEqualTo("app-image");
        assertThat(after(cmd, "--main-class")).isEqualTo("com.shopassist.app.Main");
        assertThat(after(cmd, "--runtime-image")).isEqualTo("rt");
        assertThat(after(cmd, "--app-content")).isEqualTo("linux/kiosk");
        long javaOptions = cmd.stream().filter("--java-options"::equals).count();
        assertThat(javaOptions).isEqualTo(Jpackage.javaOptions(JDK25).size());
    }

    @Test
    void eachOsInstallerIsMadeFromTheTrainedImageWithItsOwnOptions() {
        List<String> deb = Jpackage.installer(JDK25, "deb", IMAGE, Path.of("out"), "1.0.0", Path.of("res"));
        assertThat(after(deb, "--app-image")).isEqualTo(IMAGE.root().toString());
        assertThat(after(deb, "--name")).isEqualTo("shopassist");
        assertThat(after(deb, "--linux-package-deps")).isEqualTo("libgtk-3-0");
        assertThat(after(deb, "--resource-dir")).isEqualTo("res");

        List<String> msi = Jpackage.installer(JDK25, "msi", IMAGE, Path.of("out"), "1.0.0", Path.of("win"));
        assertThat(after(msi, "--name")).isEqualTo("ShopAssist");
        assertThat(msi).contains("--win-menu", "--win-shortcut", "--win-dir-chooser");
        assertThat(after(msi, "--win-upgrade-uuid")).isEqualTo(Jpackage.WINDOWS_UPGRADE_UUID);
        assertThat(after(msi, "--resource-dir")).isEqualTo("win");

        List<String> dmg = Jpackage.installer(JDK25, "dmg", IMAGE, Path.of("out"), "1.0.0", null);
        assertThat(after(dmg, "--mac-package-identifier")).isEqualTo("com.shopassist.app");
        assertThat(dmg).doesNotContain("--resource-dir");
    }

    @Test
    void eachOsMakesItsOwnInstallerAndTheImageLayoutFollowsIt() {
        assertThat(Jpackage.nativeTypes(Os.LINUX)).containsExactly("deb");
        assertThat(Jpackage.nativeTypes(Os.WINDOWS)).containsExactly("msi");
        assertThat(Jpackage.nativeTypes(Os.MAC)).containsExactly("dmg");
        AppImage win = AppImage.in(Path.of("out"), Os.WINDOWS, "ShopAssist");
        assertThat(win.cfg()).isEqualTo(Path.of("out/ShopAssist/app/ShopAssist.cfg"));
        assertThat(win.launcher()).isEqualTo(Path.of("out/ShopAssist/ShopAssist.exe"));
        AppImage mac = AppImage.in(Path.of("out"), Os.MAC, "ShopAssist");
        assertThat(mac.appDir()).isEqualTo(Path.of("out/ShopAssist.app/Contents/app"));
        assertThat(mac.runtimeJava()).isEqualTo(Path.of("out/ShopAssist.app/Contents/runtime/Contents/Home/bin/java"));
        assertThat(IMAGE.cfg()).isEqualTo(Path.of("target/jpackage/ShopAssist/lib/app/ShopAssist.cfg"));
    }
}
