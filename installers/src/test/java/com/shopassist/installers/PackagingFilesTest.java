package com.shopassist.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The files the installers carry for a kiosk, checked here because the .msi cannot be built on
 * Linux and a broken maintainer script only shows when a store installs the package.
 */
class PackagingFilesTest {

    static final Path PACKAGING = Path.of("src/main/packaging");
    static final String LAUNCHER = "/opt/" + Jpackage.PACKAGE_NAME + "/bin/" + Jpackage.NAME;

    @TempDir
    Path dir;

    static List<Element> elements(Document d, String name) {
        NodeList nodes = d.getElementsByTagNameNS("*", name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void theMsiPutsAKioskShortcutInTheStartupFolderOnlyWhenAskedFor() throws Exception {
        Document wxs = xml(PACKAGING.resolve("windows/main.wxs"));
        Element shortcut = elements(wxs, "Shortcut").get(0);
        assertThat(shortcut.getAttribute("Target")).isEqualTo("[INSTALLDIR]$(var.JpAppName).exe");
        assertThat(shortcut.getAttribute("Arguments")).isEqualTo("--kiosk");
        Element component = (Element) shortcut.getParentNode();
        assertThat(((Element) component.getParentNode()).getAttribute("Id")).isEqualTo("StartupFolder");
        assertThat(elements(wxs, "Condition").get(0).getTextContent().strip()).isEqualTo("KIOSK_AUTOSTART = \"1\"");
        assertThat(elements(wxs, "Property"))
                .anyMatch(p -> p.getAttribute("Id").equals("KIOSK_AUTOSTART")
                        && p.getAttribute("Secure").equals("yes"));
        // the component belongs to the installed feature, and has a key path (a shortcut cannot be one)
        assertThat(elements(wxs, "ComponentRef"))
                .anyMatch(r -> r.getAttribute("Id").equals(component.getAttribute("Id")));
        assertThat(elements(wxs, "RegistryValue").get(0).getAttribute("KeyPath"))
                .isEqualTo("yes");
        assertThat(elements(wxs, "RegistryValue").get(0).getAttribute("Root")).isEqualTo("HKMU");
    }

    @Test
    void theMsiKeepsEverythingJpackagesOwnProjectReferences() throws Exception {
        String text = Files.readString(PACKAGING.resolve("windows/main.wxs"));
        assertThat(text).contains("<?include $(var.JpConfigDir)/overrides.wxi ?>");
        Document wxs = xml(PACKAGING.resolve("windows/main.wxs"));
        assertThat(elements(wxs, "ComponentGroupRef"))
                .extracting(e -> e.getAttribute("Id"))
                .containsExactly("Shortcuts", "Files", "FileAssociations");
        assertThat(elements(wxs, "UIRef")).extracting(e -> e.getAttribute("Id")).containsExactly("JpUI");
        assertThat(elements(wxs, "Product").get(0).getAttribute("UpgradeCode"))
                .isEqualTo("$(var.JpProductUpgradeCode)");
    }

    @Test
    void theLinuxKioskFilesStartTheInstalledLauncherInKioskMode() throws Exception {
        List<String> unit = Files.readAllLines(PACKAGING.resolve("linux/kiosk/shopassist-kiosk.service"));
        assertThat(unit)
                .contains(
                        "ExecStart=" + LAUNCHER + " --kiosk",
                        "Restart=on-failure",
                        "WantedBy=graphical-session.target");
        List<String> desktop = Files.readAllLines(PACKAGING.resolve("linux/kiosk/shopassist-kiosk.desktop"));
        assertThat(desktop).contains("[Desktop Entry]", "Type=Application", "Exec=" + LAUNCHER + " --kiosk");
    }

    @Test
    void theDebScriptsKeepJpackagesPlaceholdersAndInstallAndRemoveTheUnit() throws Exception {
        String postinst = Files.readString(PACKAGING.resolve("linux/deb/postinst"));
        String prerm = Files.readString(PACKAGING.resolve("linux/deb/prerm"));
        assertThat(postinst)
                .contains("DESKTOP_COMMANDS_INSTALL", "LAUNCHER_AS_SERVICE_COMMANDS_INSTALL")
                .contains("/opt/shopassist/lib/kiosk/shopassist-kiosk.service")
                .contains("/usr/lib/systemd/user/shopassist-kiosk.service");
        assertThat(prerm)
                .contains("DESKTOP_COMMANDS_UNINSTALL", "rm -f \"$kiosk_unit\"")
                .contains("/usr/lib/systemd/user/shopassist-kiosk.service");
        assertThat(Files.isExecutable(PACKAGING.resolve("linux/deb/postinst"))).isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theDebScriptsAreValidShellOnceJpackageFillsThemIn() throws Exception {
        for (String name : List.of("postinst", "prerm")) {
            String script = Files.readString(PACKAGING.resolve("linux/deb/" + name))
                    .replaceAll("(?m)^[A-Z_]+$", ":") // jpackage's placeholders, each on a line of its own
                    .replace("APPLICATION_PACKAGE", "shopassist");
            Path file = dir.resolve(name);
            Files.writeString(file, script);
            Process p = new ProcessBuilder("sh", "-n", file.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue())
                    .as(new String(p.getInputStream().readAllBytes()))
                    .isZero();
        }
    }
}
