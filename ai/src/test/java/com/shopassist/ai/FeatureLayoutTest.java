package com.shopassist.ai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ai module by feature: the features (catalog, stock, cart, voucher, customer, checkout, order,
 * gift) use what every tool shares (ai.tool, ai.dialog, ai.lang) and core services; the registry
 * and the assistants know the features; nothing points back, and no two packages need each other.
 */
class FeatureLayoutTest {

    static final String[] FEATURES = {
        "com.shopassist.ai.catalog..",
        "com.shopassist.ai.stock..",
        "com.shopassist.ai.cart..",
        "com.shopassist.ai.voucher..",
        "com.shopassist.ai.customer..",
        "com.shopassist.ai.checkout..",
        "com.shopassist.ai.order..",
        "com.shopassist.ai.gift.."
    };

    static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.shopassist.ai");
    }

    @Test
    void noTwoPackagesOfTheModuleNeedEachOther() {
        slices().matching("com.shopassist.ai.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void theCycleRuleCatchesACycle() {
        // a control: two test packages that import each other
        JavaClasses fixture = new ClassFileImporter().importPackages("com.shopassist.ai.layoutfixture");
        assertThatThrownBy(() -> slices().matching("com.shopassist.ai.layoutfixture.(*)..")
                        .should()
                        .beFreeOfCycles()
                        .check(fixture))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void featuresNeverReachTheRegistryOrTheAssistants() {
        noClasses()
                .that()
                .resideInAnyPackage(FEATURES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.shopassist.ai.registry..", "com.shopassist.ai.offline..", "com.shopassist.ai.gemini..")
                .check(main);
    }

    @Test
    void whatToolsShareKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.shopassist.ai.tool..", "com.shopassist.ai.dialog..", "com.shopassist.ai.lang..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(main);
    }

    @Test
    void featuresAdaptCoreServicesNotRepositories() {
        noClasses()
                .that()
                .resideInAnyPackage(FEATURES)
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .check(main);
    }

    @Test
    void theRulesCatchADependencyThatExists() {
        // a control: the features do use ai.tool, so a rule forbidding it must fail
        assertThatThrownBy(() -> noClasses()
                        .that()
                        .resideInAnyPackage(FEATURES)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("com.shopassist.ai.tool..")
                        .check(main))
                .isInstanceOf(AssertionError.class);
    }
}
