package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.ibatis.io.DefaultVFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipFileVfsTest {

    @TempDir
    Path dir;

    @Test
    void listsAJarPackageLikeTheDefaultVfsDoes() throws Exception {
        Path jar = dir.resolve("app with space.jar");
        try (OutputStream os = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(os)) {
            for (String name : new String[] {
                "com/",
                "com/shop/",
                "com/shop/data/",
                "com/shop/data/A.class",
                "com/shop/data/x/B.class",
                "com/shop/data/x/B.xml",
                "com/shop/dataother/C.class",
                "org/D.class"
            }) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        URL url = new URL("jar:" + jar.toUri().toURL() + "!/com/shop/data");

        assertThat(new ZipFileVfs().list(url, "com/shop/data"))
                .containsExactlyInAnyOrder(
                        "com/shop/data/", "com/shop/data/A.class", "com/shop/data/x/B.class", "com/shop/data/x/B.xml")
                .containsAll(new DefaultVFS()
                        .list(url, "com/shop/data").stream()
                                .filter(n -> n.endsWith(".class"))
                                .toList());
    }

    @Test
    void leavesDirectoriesToTheDefault() throws Exception {
        assertThat(ZipFileVfs.plainJar(dir.toUri().toURL())).isNull();
    }
}
