package com.shopassist.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.ai.archcontrol.ToolReadingAPort;
import com.shopassist.ai.archcontrol.ToolReadingData;
import com.shopassist.app.archcontrol.LeakyViewModel;
import com.shopassist.app.archcontrol.SecondWiring;
import com.shopassist.app.archcontrol.cycle.left.Left;
import com.shopassist.app.archcontrol.cycle.right.Right;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layout rules, checked on the main code of every module. The modules point one way (app ->
 * ai -> core, app -> data -> core); inside a module no two packages need each other; view models
 * know nothing of the scene graph; the assistants and their tools go through core's services; and
 * services are built in the composition root only. Each rule has a control: a small class in these
 * test sources that breaks it, which the same rule must report.
 */
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

    /** Only the control classes named, nothing else. */
    static JavaClasses controls(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"core", "data", "ai", "app"}) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("com.shopassist." + pkg)))
                    .as(pkg)
                    .isTrue();
        }
    }

    @Test
    void theRulesCatchADependencyThatExists() {
        // a control: app does use data, so a rule forbidding it must fail on these classes
        assertThatThrownBy(() -> noClasses()
                        .that()
                        .resideInAPackage("com.shopassist.app..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("com.shopassist.data..")
                        .check(classes))
                .isInstanceOf(AssertionError.class);
    }

    // ------------------------------------------------------------------ modules point one way

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

    // ------------------------------------------------------------------ no package cycles

    /** Every package of the module is a slice of its own (the module's top package too). */
    static ArchRule noPackageCyclesIn(String module) {
        String root = "com.shopassist." + module;
        SliceAssignment packages = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.equals(root) || p.startsWith(root + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
        return SlicesRuleDefinition.slices().assignedFrom(packages).should().beFreeOfCycles();
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "data", "ai", "app"})
    void noTwoPackagesOfAModuleNeedEachOther(String module) {
        noPackageCyclesIn(module).check(classes);
    }

    @Test
    void aPackageCycleIsReported() {
        assertThatThrownBy(() -> noPackageCyclesIn("app").check(controls(Left.class, Right.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archcontrol.cycle.left")
                .hasMessageContaining("archcontrol.cycle.right");
    }

    // ------------------------------------------------------------------ view models

    /** A view model's own classes too (a nested row, a listener), not only the one named *ViewModel. */
    static final ArchRule VIEW_MODELS_KNOW_NO_SCENE_GRAPH = noClasses()
            .that()
            .resideInAPackage("com.shopassist.app..")
            .and(DescribedPredicate.describe(
                    "are view models or nested in one",
                    (JavaClass c) -> topLevel(c).endsWith("ViewModel")))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx.scene..")
            .because("a view model is tested without a window; it holds properties, the view holds nodes");

    @Test
    void viewModelsKnowNothingOfTheSceneGraph() {
        VIEW_MODELS_KNOW_NO_SCENE_GRAPH.check(classes);
    }

    @Test
    void aViewModelHoldingANodeIsReported() {
        assertThatThrownBy(() ->
                        VIEW_MODELS_KNOW_NO_SCENE_GRAPH.check(controls(LeakyViewModel.class, LeakyViewModel.Row.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyViewModel.title")
                .hasMessageContaining("javafx.scene.control.Label")
                .hasMessageContaining("LeakyViewModel$Row.node")
                .hasMessageContaining("javafx.scene.Node");
    }

    // ------------------------------------------------------------------ assistants and tools

    /** A core port (*Repository), a service implementation (Default*), or anything of data. */
    static boolean belowTheServices(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.startsWith("com.shopassist.data")
                || (pkg.startsWith("com.shopassist.core")
                        && (c.getSimpleName().endsWith("Repository")
                                || c.getSimpleName().startsWith("Default")));
    }

    /**
     * Frozen, exactly these: the chain keeps the conversation, and the proposal store the pending
     * proposals with it, through the ChatRepository port; the semantic index reads and writes
     * product vectors through the ProductEmbeddingRepository port. What removes them: a
     * chat-history service and an embedding service in core.
     */
    static boolean frozen(JavaClass origin, JavaClass target) {
        String from = topLevel(origin);
        return (Set.of("AssistantChain", "ChainEngine", "ChatLog", "SummaryWriter", "SessionProposals")
                                .contains(from)
                        && target.getName().equals("com.shopassist.core.chat.ChatRepository"))
                || (from.equals("EmbeddingIndex")
                        && target.getName().equals("com.shopassist.core.catalog.ProductEmbeddingRepository"));
    }

    private static String topLevel(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /**
     * Written against the module, not its packages, so it holds however the ai module arranges
     * its features: any class in com.shopassist.ai.
     */
    static final ArchRule ASSISTANTS_AND_TOOLS_CALL_CORE_SERVICES = classes()
            .that()
            .resideInAPackage("com.shopassist.ai..")
            .should(ArchConditions.onlyHaveDependenciesWhere(DescribedPredicate.describe(
                    "the target is a core service, a core value or a library, not a core port (*Repository),"
                            + " a service implementation (Default*) or anything of data",
                    (Dependency d) ->
                            !belowTheServices(d.getTargetClass()) || frozen(d.getOriginClass(), d.getTargetClass()))))
            .because("the assistants and their tools act through core's services, which check ownership and stock");

    @Test
    void assistantsAndToolsCallCoreServicesOnly() {
        ASSISTANTS_AND_TOOLS_CALL_CORE_SERVICES.check(classes);
    }

    @Test
    void aToolReadingAPortOrDataIsReported() {
        assertThatThrownBy(() -> ASSISTANTS_AND_TOOLS_CALL_CORE_SERVICES.check(
                        controls(ToolReadingAPort.class, ToolReadingData.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ToolReadingAPort")
                .hasMessageContaining("com.shopassist.core.cart.CartRepository")
                .hasMessageContaining("ToolReadingData")
                .hasMessageContaining("com.shopassist.data.db.Database");
    }

    // ------------------------------------------------------------------ the composition root

    static final ArchRule SERVICES_ARE_BUILT_IN_THE_COMPOSITION_ROOT = noClasses()
            .that()
            .resideOutsideOfPackage("com.shopassist.app.wiring..")
            .should()
            .callConstructorWhere(DescribedPredicate.describe(
                    "the constructor builds a Default*Service",
                    // a service's constructor handing over to its other constructor builds nothing new
                    (JavaConstructorCall call) ->
                            call.getTargetOwner().getSimpleName().matches("Default\\w*Service")
                                    && !call.getOriginOwner().equals(call.getTargetOwner())))
            .because("services are built once, in com.shopassist.app.wiring, and handed out from there");

    @Test
    void servicesAreBuiltInTheCompositionRootOnly() {
        SERVICES_ARE_BUILT_IN_THE_COMPOSITION_ROOT.check(classes);
    }

    @Test
    void aServiceBuiltElsewhereIsReported() {
        assertThatThrownBy(() -> SERVICES_ARE_BUILT_IN_THE_COMPOSITION_ROOT.check(controls(SecondWiring.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SecondWiring")
                .hasMessageContaining("DefaultVoucherService");
    }
}
