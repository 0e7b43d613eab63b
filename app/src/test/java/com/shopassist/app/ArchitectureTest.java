package com.shopassist.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rule: app -> ai -> core, app -> data -> core, and nothing points back. Main code only. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importMainCode() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // other modules' test helpers arrive as test-jars (…-tests.jar), not test-classes folders
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.shopassist");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"core", "data", "ai", "app"}) {
            org.assertj.core.api.Assertions.assertThat(
                            classes.stream().anyMatch(c -> c.getPackageName().startsWith("com.shopassist." + pkg)))
                    .as(pkg)
                    .isTrue();
        }
    }

    @Test
    void theRulesCatchADependencyThatExists() {
        // a control: app does use data, so a rule forbidding it must fail on these classes
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses()
                        .that()
                        .resideInAPackage("com.shopassist.app..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("com.shopassist.data..")
                        .check(classes))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void coreIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("com.shopassist.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "org.apache.ibatis..",
                        "java.sql..",
                        "javax.sql..",
                        "dev.langchain4j..",
                        "com.zaxxer..",
                        "org.postgresql..",
                        "org.flywaydb..")
                .check(classes);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("com.shopassist.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.shopassist.data..", "com.shopassist.ai..", "com.shopassist.app..")
                .check(classes);
    }

    @Test
    void aiNeverUsesData() {
        noClasses()
                .that()
                .resideInAPackage("com.shopassist.ai..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.shopassist.data..", "com.shopassist.app..", "org.apache.ibatis..", "javafx..")
                .check(classes);
    }

    @Test
    void dataNeverUsesAiOrApp() {
        noClasses()
                .that()
                .resideInAPackage("com.shopassist.data..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.shopassist.ai..", "com.shopassist.app..", "javafx..", "dev.langchain4j..")
                .check(classes);
    }
}
